namespace LunaPoint.Tests.Infrastructure;

/// <summary>Where the repository, the fetched models and the downloaded test media are.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Models => Environment.GetEnvironmentVariable("LUNAPOINT_TEST_MODELS") ?? Path.Combine(Root, "models");

    public static string TestMedia => Environment.GetEnvironmentVariable("LUNAPOINT_TEST_MEDIA") ?? Path.Combine(Root, ".cache", "test-media");

    /// <summary>A test media file; fails with the command that provides it rather than skipping.</summary>
    public static string Media(string fileName)
    {
        var path = Path.Combine(TestMedia, fileName);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Test media {path} is missing. scripts/test.sh downloads it (Debian package opencv-doc).", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LunaPoint.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LunaPoint.sln not found above " + AppContext.BaseDirectory);
    }
}
