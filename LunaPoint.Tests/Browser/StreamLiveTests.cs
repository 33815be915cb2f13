using System.Text.RegularExpressions;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Tests.Infrastructure;
using LunaPoint.Tests.Modules.Detection.Workers;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LunaPoint.Tests.Browser;

/// <summary>
/// The live view of a stream the workers analyse (Detection's MJPEG and figures, through streams-live.js
/// under the console's CSP), the list's preview thumbnail and summary line, and what the pages say of a
/// stream that is not analysed: every test fails on a console error, a failed request or a 4xx/5xx.
/// </summary>
public abstract partial class StreamLiveTests(LiveBrowserHostFixture fixture) : BrowserTest(fixture)
{
    // Analysis starts with ffmpeg and the models on a busy machine: generous, but a deadline.
    private static readonly LocatorAssertionsToHaveTextOptions Slowly = new() { Timeout = 90_000 };

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.Administrator)]
    public Task LivePage_OfAnAnalysedStream_ShowsTheMovingPictureAndFillsTheFigures(string role) => RunAsync(async () =>
    {
        await SignInAsync(role);
        await OpenAsync($"/streams/{fixture.AnalysedStreamId}/live");

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Live: {LiveBrowserHostFixture.AnalysedStreamName}");
        var view = Page.GetByRole(AriaRole.Img, new() { Name = $"Live view of {LiveBrowserHostFixture.AnalysedStreamName}" });
        await Expect(view).ToBeVisibleAsync();
        await Page.WaitForFunctionAsync("() => document.querySelector('img.live-view').naturalWidth > 0", null, new() { Timeout = 90_000 });
        Assert.Equal(640, await view.EvaluateAsync<int>("(img) => img.naturalWidth"));
        await Expect(Page.GetByText("No analysed frame yet")).ToBeHiddenAsync();

        await Expect(Figure("analysedFps")).ToHaveTextAsync(Positive(), Slowly);
        await Expect(Figure("inputFps")).ToHaveTextAsync(Positive(), Slowly);
        await Expect(Figure("dropped")).ToHaveTextAsync(OfSomeFrames(), Slowly);
        await Expect(Figure("frameSize")).ToHaveTextAsync("640x360", Slowly);
        await Expect(Figure("latency.detect")).ToHaveTextAsync(Latency(), Slowly);
    });

    [Fact]
    public Task StreamsList_ShowsAPreviewAndASummary_OfAnAnalysedStream() => RunAsync(async () =>
    {
        await SignInAsync(Roles.Viewer);
        await OpenAsync("/streams");

        var id = fixture.AnalysedStreamId.ToString();
        var thumb = Page.Locator($"img[data-preview-of='{id}']");
        await Expect(thumb).ToBeVisibleAsync(new() { Timeout = 90_000 });
        Assert.True(await thumb.EvaluateAsync<int>("(img) => img.naturalWidth") > 0, "the thumbnail shows a picture");
        await Expect(Page.Locator($"[data-stats-for='{id}']")).ToHaveTextAsync(Summary(), Slowly);

        await ClickAndWaitForLoadAsync(Page.GetByRole(AriaRole.Link, new() { Name = $"Preview of {LiveBrowserHostFixture.AnalysedStreamName}" }));
        await Expect(Page).ToHaveURLAsync(Absolute($"/streams/{id}/live"));
    });

    [Fact]
    public Task LivePage_OfADisabledStream_SaysNoFrameWithoutAskingDetection() => RunAsync(async () =>
    {
        var name = "Browser stopped cam " + Guid.NewGuid().ToString("N")[..8];
        using var admin = await Fixture.CreateAdministratorClientAsync();
        var id = await StreamApi.CreateAsync(admin, new { name, type = "rtsp", source = "rtsp://127.0.0.1:8554/stopped", enabled = false });
        try
        {
            await SignInAsync(Roles.Operator);
            var probe = Page.WaitForRequestAsync($"**/api/v1/streams/{id}");
            await OpenAsync($"/streams/{id}/live");

            await Expect(Page.GetByText("No analysed frame yet")).ToBeVisibleAsync();
            await Expect(Page.GetByRole(AriaRole.Img, new() { Name = $"Live view of {name}" })).ToBeHiddenAsync();
            await Expect(Figure("analysedFps")).ToHaveTextAsync("–");
            // The script has asked whether the stream is analysed, and nothing of Detection's was refused.
            await probe;
            await Expect(Page.GetByText("No analysed frame yet")).ToBeVisibleAsync();
        }
        finally
        {
            using var _ = await admin.DeleteAsync($"/api/v1/streams/{id}");
        }
    });

    [Fact]
    public Task LivePage_OfAStreamWithALongName_KeepsThePageWidth() => RunAsync(async () =>
    {
        var name = "Cam" + new string('W', 190) + Guid.NewGuid().ToString("N")[..7];
        using var admin = await Fixture.CreateAdministratorClientAsync();
        var id = await StreamApi.CreateAsync(admin, new { name, type = "rtsp", source = "rtsp://127.0.0.1:8554/" + new string('x', 300), enabled = false });
        try
        {
            await SignInAsAdministratorAsync();
            await OpenAsync($"/streams/{id}/live");
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Live: {name}");
            await ExpectNoSidewaysScrollAsync();

            await OpenAsync("/streams");
            await Expect(Page.GetByRole(AriaRole.Cell, new() { Name = name, Exact = true })).ToBeVisibleAsync();
            await ExpectNoSidewaysScrollAsync();
        }
        finally
        {
            using var _ = await admin.DeleteAsync($"/api/v1/streams/{id}");
        }
    });

    private async Task ExpectNoSidewaysScrollAsync()
    {
        var overflow = await Page.EvaluateAsync<int[]>(
            "() => [document.documentElement.scrollWidth - document.documentElement.clientWidth, "
            + "Math.max(...[...document.querySelectorAll('.card')].map((c) => c.scrollWidth - c.clientWidth))]");
        Assert.True(overflow[0] <= 0, $"the page scrolls sideways by {overflow[0]} px");
        Assert.True(overflow[1] <= 0, $"a card scrolls sideways by {overflow[1]} px");
    }

    private ILocator Figure(string key) => Page.Locator($"[data-stat='{key}']");

    [GeneratedRegex(@"^(0\.\d*[1-9]\d*|[1-9]\d*(\.\d+)?)$")]
    private static partial Regex Positive();

    [GeneratedRegex(@"^\d+ of [1-9]\d* \(\d+(\.\d+)? %\)$")]
    private static partial Regex OfSomeFrames();

    [GeneratedRegex(@"^\d+(\.\d+)? / \d+(\.\d+)?$")]
    private static partial Regex Latency();

    [GeneratedRegex(@"^(0\.\d*[1-9]\d*|[1-9]\d*(\.\d+)?) fps analysed, \d+(\.\d+)? % dropped, \d+ track\(s\), \d+ best shot\(s\)$")]
    private static partial Regex Summary();
}

[Collection(PostgresLiveBrowserCollection.Name)]
public sealed class StreamLiveTestsOnPostgres(PostgresLiveBrowserFixture fixture) : StreamLiveTests(fixture);

[Collection(SqliteLiveBrowserCollection.Name)]
public sealed class StreamLiveTestsOnSqlite(SqliteLiveBrowserFixture fixture) : StreamLiveTests(fixture);
