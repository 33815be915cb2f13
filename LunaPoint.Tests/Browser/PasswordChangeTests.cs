using System.Text.RegularExpressions;
using LunaPoint.Modules.Auth.Contracts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LunaPoint.Tests.Browser;

/// <summary>
/// A password an administrator chose is known to two people: its owner must replace it at the first
/// sign-in, and cannot reach the console before doing so.
/// </summary>
public abstract class PasswordChangeTests(BrowserHostFixture fixture) : BrowserTest(fixture)
{
    private const string GivenPassword = "Given-Pass-2024";
    private const string OwnPassword = "Own-Choice-Pass-77";

    [Fact]
    public Task UserCreatedByAdministrator_MustChangePasswordAtFirstSignIn_ThenLandsOnTheConsole() => RunAsync(async () =>
    {
        var userName = UsersPage.NewUserName();
        await SignInAsAdministratorAsync();
        await UsersPage.OpenAsync(Page, Fixture.BaseUrl);
        await UsersPage.CreateUserAsync(Page, userName, Roles.Operator, GivenPassword);
        await SignOutAsync();

        await ChangeGivenPasswordAsync(userName);
    });

    [Fact]
    public Task PasswordResetByAdministrator_MustBeChangedAtNextSignIn_ThenLandsOnTheConsole() => RunAsync(async () =>
    {
        var userName = await SignInAsync(Roles.Viewer);
        await SignOutAsync();
        await SignInAsAdministratorAsync();
        await UsersPage.OpenAsync(Page, Fixture.BaseUrl);
        var row = UsersPage.Row(Page, userName);
        await row.GetByLabel($"New password for {userName}").FillAsync(GivenPassword);
        await ClickAndWaitForLoadAsync(row.GetByRole(AriaRole.Button, new() { Name = "Reset password" }));
        await SignOutAsync();

        await ChangeGivenPasswordAsync(userName);
    });

    private async Task ChangeGivenPasswordAsync(string userName)
    {
        await SignInAsync(userName, GivenPassword);
        await Expect(Page).ToHaveURLAsync(new Regex("/account/change-password"));

        // The console stays closed until the password is changed.
        await OpenAsync("/monitoring");
        await Expect(Page).ToHaveURLAsync(new Regex("/account/change-password"));

        await Page.GetByLabel("Current password").FillAsync(GivenPassword);
        await Page.GetByLabel("New password", new() { Exact = false }).First.FillAsync(OwnPassword);
        await Page.GetByLabel("Repeat the new password").FillAsync(OwnPassword);
        await ClickAndWaitForLoadAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Change password" }));

        await Expect(Page).ToHaveURLAsync(new Regex("^" + Regex.Escape(Fixture.BaseUrl) + "/(monitoring)?$"));
        await Expect(Navigation).ToBeVisibleAsync();
        await SignOutAsync();
        await SignInAsync(userName, OwnPassword);
        await ExpectConsoleAsync();
    }
}

[Collection(PostgresBrowserCollection.Name)]
public sealed class PasswordChangeTestsOnPostgres(PostgresBrowserFixture fixture) : PasswordChangeTests(fixture);

[Collection(SqliteBrowserCollection.Name)]
public sealed class PasswordChangeTestsOnSqlite(SqliteBrowserFixture fixture) : PasswordChangeTests(fixture);
