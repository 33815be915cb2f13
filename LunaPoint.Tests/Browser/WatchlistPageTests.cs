using LunaPoint.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LunaPoint.Tests.Browser;

/// <summary>An operator creates a list and enrols a face with a photo through the console, and sees its thumbnail (watchlists.js under the strict CSP).</summary>
public abstract class WatchlistPageTests(BrowserHostFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Administrator_EnrolsAFaceWithAPhoto_AndSeesItsThumbnail() => RunAsync(async () =>
    {
        var listName = $"Watch {Guid.NewGuid():N}"[..14];
        await SignInAsAdministratorAsync();
        await OpenAsync("/lists");

        await Page.Locator("input[name='Input.Name']").FillAsync(listName);
        await ClickAndWaitForLoadAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Create list" }));
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"List {listName} created.");

        var form = Page.Locator("#add-face");
        await form.Locator("input[name='faceName']").FillAsync("Eileen Collins");
        await form.Locator("input[name='photo']").SetInputFilesAsync(RepoPaths.Media("astronaut.png"));
        await ClickAndWaitForLoadAsync(form.GetByRole(AriaRole.Button, new() { Name = "Enrol" }));
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Eileen Collins enrolled.");

        var thumbnail = Page.Locator("#faces").GetByRole(AriaRole.Img, new() { Name = "Eileen Collins" });
        await Expect(thumbnail).ToBeVisibleAsync();
        await Expect(thumbnail).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await thumbnail.EvaluateAsync<int>("img => img.naturalWidth") > 0, "the thumbnail loaded as an image");

        await ClickAndWaitForLoadAsync(thumbnail);
        await Expect(Page.Locator("#photos img")).ToHaveCountAsync(1);
    });
}

[Collection(PostgresBrowserCollection.Name)]
public sealed class WatchlistPageTestsOnPostgres(PostgresBrowserFixture fixture) : WatchlistPageTests(fixture);

[Collection(SqliteBrowserCollection.Name)]
public sealed class WatchlistPageTestsOnSqlite(SqliteBrowserFixture fixture) : WatchlistPageTests(fixture);
