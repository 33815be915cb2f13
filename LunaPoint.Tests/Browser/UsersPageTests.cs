using System.Text.RegularExpressions;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Auth.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LunaPoint.Tests.Browser;

/// <summary>An administrator manages people through the Users page's real forms.</summary>
public abstract class UsersPageTests(BrowserHostFixture fixture) : BrowserTest(fixture)
{
    private const string InitialPassword = "Initial-Pass-2024";

    [Fact]
    public Task Administrator_CreatesUser_ChangesRole_AndDisables_ThroughTheForms() => RunAsync(async () =>
    {
        var userName = NewUserName();
        await SignInAsAdministratorAsync();
        await OpenUsersAsync();

        await CreateUserAsync(userName, Roles.Viewer);
        var row = UserRow(userName);
        Assert.Equal(Roles.Viewer, await RoleOfAsync(userName));

        await row.GetByRole(AriaRole.Combobox).SelectOptionAsync(Roles.Operator);
        await ClickAndWaitForLoadAsync(row.GetByRole(AriaRole.Button, new() { Name = "Set", Exact = true }));
        await Expect(UserRow(userName).GetByRole(AriaRole.Combobox)).ToHaveValueAsync(Roles.Operator);
        Assert.Equal(Roles.Operator, await RoleOfAsync(userName));

        await ClickAndWaitForLoadAsync(UserRow(userName).GetByRole(AriaRole.Button, new() { Name = "Disable", Exact = true }));
        await Expect(UserRow(userName).GetByRole(AriaRole.Button, new() { Name = "Enable", Exact = true })).ToBeVisibleAsync();
        Assert.True(await IsDisabledAsync(userName));
    });

    [Fact]
    public Task DisabledUser_CannotSignIn() => RunAsync(async () =>
    {
        var userName = NewUserName();
        await SignInAsAdministratorAsync();
        await OpenUsersAsync();
        await CreateUserAsync(userName, Roles.Operator);
        await ClickAndWaitForLoadAsync(UserRow(userName).GetByRole(AriaRole.Button, new() { Name = "Disable", Exact = true }));
        await Expect(UserRow(userName).GetByRole(AriaRole.Button, new() { Name = "Enable", Exact = true })).ToBeVisibleAsync();
        await SignOutAsync();

        await SignInAsync(userName, InitialPassword);

        await Expect(Page).ToHaveURLAsync(new Regex("/account/sign-in"));
        await Expect(Navigation).ToHaveCountAsync(0);
    });

    private Task OpenUsersAsync() => UsersPage.OpenAsync(Page, Fixture.BaseUrl);

    private Task CreateUserAsync(string userName, string role) => UsersPage.CreateUserAsync(Page, userName, role, InitialPassword);

    private ILocator UserRow(string userName) => UsersPage.Row(Page, userName);

    private static string NewUserName() => UsersPage.NewUserName();

    private async Task<string?> RoleOfAsync(string userName)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        return (await users.GetRolesAsync((await users.FindByNameAsync(userName))!)).SingleOrDefault();
    }

    private async Task<bool> IsDisabledAsync(string userName)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        return (await users.FindByNameAsync(userName))!.IsDisabled;
    }
}

[Collection(PostgresBrowserCollection.Name)]
public sealed class UsersPageTestsOnPostgres(PostgresBrowserFixture fixture) : UsersPageTests(fixture);

[Collection(SqliteBrowserCollection.Name)]
public sealed class UsersPageTestsOnSqlite(SqliteBrowserFixture fixture) : UsersPageTests(fixture);
