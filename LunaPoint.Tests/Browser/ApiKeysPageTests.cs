using System.Net;
using LunaPoint.Modules.Auth.Contracts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LunaPoint.Tests.Browser;

/// <summary>
/// An administrator creates an integration key on the API keys page, sees its secret exactly once
/// (never in the address), an integration uses it, and revoking it on the page refuses it at once.
/// </summary>
public abstract class ApiKeysPageTests(BrowserHostFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Administrator_CreatesAKey_SeesItOnce_AndRevokesIt() => RunAsync(async () =>
    {
        var name = "browser-key-" + Guid.NewGuid().ToString("N")[..8];
        var validThrough = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        await SignInAsAdministratorAsync();
        await ClickAndWaitForLoadAsync(Navigation.GetByRole(AriaRole.Link, new() { Name = "API keys" }));
        await Expect(Page).ToHaveURLAsync(Absolute("/api-keys"));

        var form = Page.Locator("form").Filter(new() { Has = Page.GetByRole(AriaRole.Button, new() { Name = "Create key" }) });
        await form.GetByLabel("Name").FillAsync(name);
        await form.GetByLabel("Role").SelectOptionAsync(Roles.Operator);
        await form.GetByLabel("Valid through").FillAsync(validThrough.ToString("yyyy-MM-dd"));
        await ClickAndWaitForLoadAsync(form.GetByRole(AriaRole.Button, new() { Name = "Create key" }));

        var shown = Page.GetByTestId("new-api-key");
        await Expect(shown).ToHaveCountAsync(1);
        var key = (await shown.InnerTextAsync()).Trim();
        var row = Row(name);
        var prefix = (await row.Locator("code").InnerTextAsync()).Trim();
        Assert.StartsWith($"lp_{prefix}_", key);
        Assert.DoesNotContain(key, Page.Url);
        Assert.DoesNotContain(key[(prefix.Length + 4)..], Page.Url);
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Created API key {name} ({prefix})");
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = Roles.Operator, Exact = true })).ToBeVisibleAsync();
        // Valid through that day (UTC): it expires when the next one begins.
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = $"{validThrough.AddDays(1):yyyy-MM-dd} 00:00", Exact = true })).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = "active", Exact = true })).ToBeVisibleAsync();

        await Page.ReloadAsync();
        await Expect(Row(name)).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("new-api-key")).ToHaveCountAsync(0);
        Assert.DoesNotContain(key, await Page.ContentAsync());

        using var integration = Factory.CreateClient();
        integration.DefaultRequestHeaders.Add("X-Api-Key", key);
        using (var allowed = await integration.GetAsync("/api/v1/streams"))
        {
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        await ClickAndWaitForLoadAsync(Row(name).GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }));
        Assert.Equal(new[] { $"Revoke the key {name} ({prefix})? Integrations using it are refused at once." }, Dialogs);
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("API key revoked; integrations using it are refused from now on.");
        await Expect(Row(name)).ToContainTextAsync("revoked ");
        await Expect(Row(name).GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true })).ToHaveCountAsync(0);

        using var refused = await integration.GetAsync("/api/v1/streams");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    });

    private ILocator Row(string keyName) =>
        Page.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Cell, new() { Name = keyName, Exact = true }) });
}

[Collection(PostgresBrowserCollection.Name)]
public sealed class ApiKeysPageTestsOnPostgres(PostgresBrowserFixture fixture) : ApiKeysPageTests(fixture);

[Collection(SqliteBrowserCollection.Name)]
public sealed class ApiKeysPageTestsOnSqlite(SqliteBrowserFixture fixture) : ApiKeysPageTests(fixture);
