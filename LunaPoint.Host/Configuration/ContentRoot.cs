namespace LunaPoint.Host;

internal static class ContentRoot
{
    /// <summary>
    /// Where the host's appsettings.json, ./data and ./models are. An explicit <c>--contentRoot</c>
    /// wins. A build inside the repository (dotnet run, tests) uses the repository root, so the root
    /// appsettings.json is read itself rather than a copy. A published app uses its own folder, whatever
    /// the working directory.
    /// </summary>
    public static WebApplicationOptions Options(string[] args)
    {
        if (args.Any(a => a.TrimStart('-').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase)))
        {
            return new WebApplicationOptions { Args = args };
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LunaPoint.sln")) && File.Exists(Path.Combine(dir.FullName, "appsettings.json")))
            {
                return new WebApplicationOptions { Args = args, ContentRootPath = dir.FullName };
            }
        }

        return File.Exists(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            ? new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory }
            : new WebApplicationOptions { Args = args };
    }
}
