using System.Net;
using System.Text.RegularExpressions;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LunaPoint.Tests.Modules.Auth;

/// <summary>The console's sign-in, session and user administration, through real forms with antiforgery tokens.</summary>
[Collection(SqliteCollection.Name)]
public sealed partial class AuthPagesTests(SqliteHostFixture fixture)
{
    [Fact]
    public async Task SignIn_WithTheForm_OpensTheConsole_AndSignOutEndsIt()
    {
        using var browser = Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);

        using var signedIn = await SignInAsync(browser, "admin", LunaPointFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location?.ToString());
        var cookie = string.Join(";", signedIn.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        var home = await browser.GetStringAsync("/");
        Assert.Contains("Operator panel", home);
        Assert.Contains(">admin<", home);

        using var signOut = await PostFormAsync(browser, "/account/sign-out", "/", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_ShowsOneGenericMessage()
    {
        using var browser = Browser();

        using var response = await SignInAsync(browser, "admin", "wrong-password-123");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Invalid user name or password", html);
    }

    [Fact]
    public async Task FormPostWithoutAntiforgeryToken_IsRefused()
    {
        using var browser = Browser();

        using var response = await browser.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "admin", ["Password"] = LunaPointFactory.AdminPassword }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task UsersPage_AdministratorCreatesAndDisablesAUser_OperatorIsRefused()
    {
        using var admin = Browser();
        await SignInAsync(admin, "admin", LunaPointFactory.AdminPassword);
        var name = $"page-{Guid.NewGuid():N}"[..16];

        using var created = await PostFormAsync(admin, "/users?handler=Create", "/users", new Dictionary<string, string>
        {
            ["userName"] = name, ["password"] = "Page-Created-Pass-1", ["role"] = Roles.Viewer, ["displayName"] = "From the page",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var list = await admin.GetStringAsync("/users");
        Assert.Contains(name, list);

        var operatorName = await fixture.Factory.CreateUserAsync(Roles.Operator);
        using var operatorBrowser = Browser();
        await SignInAsync(operatorBrowser, operatorName, AuthClients.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorBrowser.GetAsync("/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorBrowser.GetAsync("/audit")).StatusCode);
        var auditPage = await admin.GetStringAsync("/audit?action=user.created");
        Assert.Contains($"user {name}", auditPage);
    }

    private HttpClient Browser() => fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static Task<HttpResponseMessage> SignInAsync(HttpClient browser, string userName, string password) =>
        PostFormAsync(browser, "/account/sign-in", "/account/sign-in", new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password });

    /// <summary>Loads <paramref name="formPage"/> for its antiforgery token, then posts like a browser would.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string action, string formPage, Dictionary<string, string> fields)
    {
        var page = await browser.GetStringAsync(formPage);
        fields["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups["token"].Value;
        return await browser.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
