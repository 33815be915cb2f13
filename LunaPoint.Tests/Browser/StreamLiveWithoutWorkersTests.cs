using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Tests.Infrastructure;
using LunaPoint.Tests.Modules.Detection.Workers;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LunaPoint.Tests.Browser;

/// <summary>
/// An enabled stream that nothing analyses (the default test host runs no workers): the list says "not
/// analysed" and the live page "No analysed frame yet", and neither asks Detection for what it does not
/// have (every 404 would be a console error).
/// </summary>
public abstract class StreamLiveWithoutWorkersTests(BrowserHostFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task EnabledStream_WithoutWorkers_IsShownAsNotAnalysed() => RunAsync(async () =>
    {
        var name = "Browser idle cam " + Guid.NewGuid().ToString("N")[..8];
        using var admin = await Fixture.CreateAdministratorClientAsync();
        var id = await StreamApi.CreateAsync(admin, new { name, type = "rtsp", source = "rtsp://127.0.0.1:8554/idle", enabled = true });
        try
        {
            await SignInAsync(Roles.Viewer);
            var probe = Page.WaitForRequestAsync($"**/api/v1/streams/{id}");
            await OpenAsync("/streams");
            await Expect(Page.Locator($"[data-stats-for='{id}']")).ToHaveTextAsync("not analysed");
            await Expect(Page.Locator($"img[data-preview-of='{id}']")).ToBeHiddenAsync();
            await probe;

            probe = Page.WaitForRequestAsync($"**/api/v1/streams/{id}");
            await ClickAndWaitForLoadAsync(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = name }).GetByRole(AriaRole.Link, new() { Name = "live", Exact = true }));
            await Expect(Page).ToHaveURLAsync(Absolute($"/streams/{id}/live"));
            await Expect(Page.GetByText("No analysed frame yet")).ToBeVisibleAsync();
            await Expect(Page.GetByRole(AriaRole.Img, new() { Name = $"Live view of {name}" })).ToBeHiddenAsync();
            await probe;
        }
        finally
        {
            using var _ = await admin.DeleteAsync($"/api/v1/streams/{id}");
        }
    });
}

[Collection(PostgresBrowserCollection.Name)]
public sealed class StreamLiveWithoutWorkersTestsOnPostgres(PostgresBrowserFixture fixture) : StreamLiveWithoutWorkersTests(fixture);

[Collection(SqliteBrowserCollection.Name)]
public sealed class StreamLiveWithoutWorkersTestsOnSqlite(SqliteBrowserFixture fixture) : StreamLiveWithoutWorkersTests(fixture);
