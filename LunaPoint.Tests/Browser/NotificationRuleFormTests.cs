using LunaPoint.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LunaPoint.Tests.Browser;

/// <summary>
/// An administrator creates a notification rule through the console's form: a bad e-mail address is
/// refused beside its field with the line it is on, what was typed stays, and the corrected rule is listed.
/// </summary>
public abstract class NotificationRuleFormTests(BrowserHostFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Administrator_CreatesARule_AndSeesAFieldErrorForABadEmail() => RunAsync(async () =>
    {
        var name = "Front door " + Guid.NewGuid().ToString("N")[..8];
        await SignInAsAdministratorAsync();
        await OpenAsync("/notifications");
        await ClickAndWaitForLoadAsync(Page.GetByRole(AriaRole.Link, new() { Name = "New rule" }));
        await Expect(Page).ToHaveURLAsync(Fixture.BaseUrl + "/notifications/rules/new");

        var recipients = Page.GetByLabel("E-mail recipients, one per line").First;
        await Page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await recipients.FillAsync("ops@example.com\nnot-an-address");
        await ClickAndWaitForLoadAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Create" }));

        await Expect(recipients).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(ErrorBeside(recipients).First).ToContainTextAsync("e-mail recipient on line 2 must be an e-mail address");
        await Expect(Page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync(name);
        await Expect(recipients).ToHaveValueAsync("ops@example.com\nnot-an-address");

        await recipients.FillAsync("ops@example.com\nsecurity@example.com");
        await ClickAndWaitForLoadAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Create" }));
        await Expect(Page).ToHaveURLAsync(Fixture.BaseUrl + "/notifications");
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Rule {name} created.");
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Cell, new() { Name = name, Exact = true }) });
        await Expect(row).ToContainTextAsync("console, e-mail (2)");

        await ClickAndWaitForLoadAsync(row.GetByRole(AriaRole.Button, new() { Name = "Delete" }));
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Rule {name} deleted.");
    });

    private ILocator ErrorBeside(ILocator field) =>
        Page.Locator("label").Filter(new() { Has = field }).Locator("xpath=following-sibling::span[contains(@class, 'field-error')][1]");
}

[Collection(PostgresBrowserCollection.Name)]
public sealed class NotificationRuleFormTestsOnPostgres(PostgresBrowserFixture fixture) : NotificationRuleFormTests(fixture);
