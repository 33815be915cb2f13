using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LunaPoint.Tests.Browser;

/// <summary>How a person works the Users page; shared by the tests that need people made by an administrator.</summary>
internal static class UsersPage
{
    public static async Task OpenAsync(IPage page, string baseUrl)
    {
        await page.ClickAndWaitForLoadAsync(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Users" }));
        await Expect(page).ToHaveURLAsync(baseUrl + "/users");
    }

    /// <summary>Fills and sends the "New user" form, then waits for the user's row.</summary>
    public static async Task CreateUserAsync(IPage page, string userName, string role, string password)
    {
        var form = page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Create user" }) });
        await form.GetByLabel("User name").FillAsync(userName);
        await form.GetByLabel("Role").SelectOptionAsync(role);
        await form.GetByLabel("Initial password").FillAsync(password);
        await page.ClickAndWaitForLoadAsync(form.GetByRole(AriaRole.Button, new() { Name = "Create user" }));
        await Expect(Row(page, userName)).ToBeVisibleAsync();
    }

    /// <summary>The table row of one user, found by the cell holding exactly the user name.</summary>
    public static ILocator Row(IPage page, string userName) =>
        page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = userName, Exact = true }) });

    public static string NewUserName() => "browser-" + Guid.NewGuid().ToString("N")[..10];
}
