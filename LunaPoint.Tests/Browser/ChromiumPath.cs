namespace LunaPoint.Tests.Browser;

/// <summary>
/// Debian's Chromium, never a browser Playwright downloads: the test machines have no internet and a
/// downloaded browser is a second, unpinned one. scripts/test.sh installs it and names it.
/// </summary>
internal static class ChromiumPath
{
    public const string Variable = "LUNAPOINT_CHROMIUM";

    public static string Find()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        var path = string.IsNullOrWhiteSpace(configured) ? "/usr/bin/chromium" : configured;
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"Chromium was not found at {path}. Run the tests with scripts/test.sh, which installs Debian's chromium "
                + $"(apt-get install chromium) and sets {Variable}.", path);
    }
}
