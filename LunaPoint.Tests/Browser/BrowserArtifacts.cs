using LunaPoint.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LunaPoint.Tests.Browser;

/// <summary>What a failed browser test leaves behind to look at: a full-page screenshot and the HTML.</summary>
internal static class BrowserArtifacts
{
    /// <summary>scripts/test.sh collects its results in .cache/test-results; the browser's go beside them.</summary>
    public static string Folder => Path.Combine(RepoPaths.Root, ".cache", "test-results", "browser");

    public static async Task SaveAsync(IPage page, string name)
    {
        try
        {
            Directory.CreateDirectory(Folder);
            var stem = Path.Combine(Folder, string.Concat(name.Split(Path.GetInvalidFileNameChars())));
            await page.ScreenshotAsync(new() { Path = stem + ".png", FullPage = true, Timeout = 5_000 });
            await File.WriteAllTextAsync(stem + ".html", $"<!-- {page.Url} -->\n" + await page.ContentAsync());
        }
        catch (PlaywrightException)
        {
            // A crashed or closed page has nothing to show; the test's own failure is what matters.
        }
    }
}
