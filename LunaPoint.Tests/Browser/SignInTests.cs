using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Auth.Features;
using System.Text.RegularExpressions;
using LunaPoint.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LunaPoint.Tests.Browser;

/// <summary>Signing in through the real form in a real browser.</summary>
public abstract class SignInTests(BrowserHostFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task SignIn_WithWrongPasswordOrUnknownUser_ShowsTheSameGenericMessageAndStaysOnSignIn() => RunAsync(async () =>
    {
        var userName = await Factory.CreateUserAsync(Roles.Operator);

        await SignInAsync(userName, "Wrong-Password-123");
        var wrongPassword = await RefusalShownAsync();
        await SignInAsync("nobody-" + Guid.NewGuid().ToString("N")[..8], AuthClients.Password);
        var unknownUser = await RefusalShownAsync();

        Assert.Equal(PasswordVerifier.Refused, wrongPassword);
        Assert.Equal(wrongPassword, unknownUser);
        await Expect(Navigation).ToHaveCountAsync(0);
    });

    [Fact]
    public Task SignIn_WithRightPassword_LandsOnTheConsoleShowingWhoIsSignedIn() => RunAsync(async () =>
    {
        var userName = await Factory.CreateUserAsync(Roles.Viewer);

        await SignInAsync(userName, AuthClients.Password);

        await ExpectConsoleAsync();
        await Expect(Page.GetByText(userName, new() { Exact = true })).ToBeVisibleAsync();
    });

    [Fact]
    public Task ConsolePage_WhenSignedOut_SendsToSignInAndBackAfterwards() => RunAsync(async () =>
    {
        var userName = await Factory.CreateUserAsync(Roles.Viewer);

        await OpenAsync("/monitoring");
        await Expect(Page).ToHaveURLAsync(new Regex("/account/sign-in\\?ReturnUrl=%2Fmonitoring$"));
        await Page.GetByLabel("User name").FillAsync(userName);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(AuthClients.Password);
        await ClickAndWaitForLoadAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }));

        await Expect(Page).ToHaveURLAsync(Absolute("/monitoring"));
    });

    private async Task<string> RefusalShownAsync()
    {
        await Expect(Page).ToHaveURLAsync(new Regex("/account/sign-in"));
        // Whatever the page lists as errors, so a second, more telling message would show up here too.
        var errors = Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Listitem);
        await Expect(errors).ToHaveCountAsync(1);
        return (await errors.InnerTextAsync()).Trim();
    }
}

[Collection(PostgresBrowserCollection.Name)]
public sealed class SignInTestsOnPostgres(PostgresBrowserFixture fixture) : SignInTests(fixture);

[Collection(SqliteBrowserCollection.Name)]
public sealed class SignInTestsOnSqlite(SqliteBrowserFixture fixture) : SignInTests(fixture);
