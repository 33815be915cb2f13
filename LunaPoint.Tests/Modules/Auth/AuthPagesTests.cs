using System.Net;
using System.Text.RegularExpressions;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Tests.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

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
        Assert.Contains($"Created {name}; they must change the password at first sign-in.", list);
        Assert.DoesNotContain("must change the password at first sign-in.</p>", await admin.GetStringAsync("/users"));

        var operatorName = await fixture.Factory.CreateUserAsync(Roles.Operator);
        using var operatorBrowser = Browser();
        await SignInAsync(operatorBrowser, operatorName, AuthClients.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorBrowser.GetAsync("/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorBrowser.GetAsync("/audit")).StatusCode);
        var auditPage = await admin.GetStringAsync("/audit?action=user.created");
        Assert.Contains($"user {name}", auditPage);
    }

    [Fact]
    public async Task UserCreatedByAnAdministrator_IsSentToChangeThePassword_AtFirstSignIn()
    {
        using var admin = Browser();
        await SignInAsync(admin, "admin", LunaPointFactory.AdminPassword);
        var name = $"first-{Guid.NewGuid():N}"[..16];
        await PostFormAsync(admin, "/users?handler=Create", "/users", new Dictionary<string, string> { ["userName"] = name, ["password"] = "Given-By-Admin-1", ["role"] = Roles.Operator });
        using var user = Browser();

        using var signedIn = await SignInAsync(user, name, "Given-By-Admin-1");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.StartsWith("/account/change-password", signedIn.Headers.Location?.ToString());
        using var elsewhere = await user.GetAsync("/streams");
        Assert.StartsWith("/account/change-password", elsewhere.Headers.Location?.ToString());
        Assert.Contains("Choose a new password before you continue.", await user.GetStringAsync("/account/change-password"));

        using var changed = await PostFormAsync(user, "/account/change-password?ReturnUrl=%2Fstreams", "/account/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "Given-By-Admin-1", ["NewPassword"] = "Chosen-By-Me-22", ["RepeatPassword"] = "Chosen-By-Me-22", ["ReturnUrl"] = "/streams",
        });
        // Straight on to where the user was going, with the message shown there once.
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/streams", changed.Headers.Location!.ToString());
        var after = await user.GetStringAsync("/streams");
        Assert.Contains("Password changed.", after);
        Assert.DoesNotContain("Password changed.", await user.GetStringAsync("/streams"));
    }

    [Fact]
    public async Task ApiKeysPage_ShowsANewKeyOnce_WithoutItInTheUrl_AndRevokesAfterConfirmation()
    {
        using var admin = Browser();
        await SignInAsync(admin, "admin", LunaPointFactory.AdminPassword);
        var name = $"page-key-{Guid.NewGuid():N}"[..20];

        using var created = await PostFormAsync(admin, "/api-keys?handler=Create", "/api-keys", new Dictionary<string, string>
        {
            ["name"] = name, ["role"] = Roles.Operator, ["expires"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.DoesNotContain("lp_", created.Headers.Location?.ToString());
        var shown = await admin.GetStringAsync("/api-keys");
        var key = NewKey().Match(shown).Groups["key"].Value;
        Assert.StartsWith("lp_", key);
        Assert.Contains($"Created API key {name}", shown);
        Assert.DoesNotContain(key, await admin.GetStringAsync("/api-keys"));

        using var integration = fixture.Factory.CreateAnonymousClient();
        integration.DefaultRequestHeaders.Add("X-Api-Key", key);
        Assert.Equal(HttpStatusCode.OK, (await integration.GetAsync("/api/v1/streams")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await integration.GetAsync("/api/v1/users")).StatusCode);

        var page = await admin.GetStringAsync("/api-keys");
        var row = page[page.IndexOf(name, StringComparison.Ordinal)..];
        Assert.Contains($"data-confirm=\"Revoke the key {name}", row);
        Assert.DoesNotContain("onsubmit", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", page, StringComparison.OrdinalIgnoreCase);
        var id = HiddenId().Match(row).Groups["id"].Value;
        using var revoked = await PostFormAsync(admin, "/api-keys?handler=Revoke", "/api-keys", new Dictionary<string, string> { ["id"] = id });
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Contains("API key revoked", await admin.GetStringAsync("/api-keys"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await integration.GetAsync("/api/v1/streams")).StatusCode);
    }

    [Fact]
    public async Task AuditPage_KeepsLongDetailsFoldedAndWrapped_AndPages()
    {
        var longValue = new string('x', 3000);
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RecordAuditEntry("Tests", "audit.page-check", After: new { longValue }));
        }

        using var admin = Browser();
        await SignInAsync(admin, "admin", LunaPointFactory.AdminPassword);
        var html = await admin.GetStringAsync("/audit?action=audit.page-check");
        var css = await admin.GetStringAsync("/_content/LunaPoint.Modules.Auth/css/auth.css");

        // The long value is only inside a folded <details><pre>, which the module's CSS wraps.
        var at = html.IndexOf(longValue, StringComparison.Ordinal);
        Assert.True(at > 0);
        Assert.Equal(1, html.Split(longValue).Length - 1);
        Assert.True(html.LastIndexOf("<details>", at, StringComparison.Ordinal) > html.LastIndexOf("</details>", at, StringComparison.Ordinal));
        Assert.Contains("<pre>", html[html.LastIndexOf("<details>", at, StringComparison.Ordinal)..at]);
        Assert.Contains("class=\"grid audit\"", html);
        Assert.Contains("pre-wrap", css);
        Assert.Contains("overflow-wrap", css);
        Assert.Contains("page 1 of 1", html);
    }

    private HttpClient Browser() => ConsoleSession.Browser(fixture.Factory);

    private static Task<HttpResponseMessage> SignInAsync(HttpClient browser, string userName, string password) =>
        ConsoleSession.SignInAsync(browser, userName, password);

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string action, string formPage, Dictionary<string, string> fields) =>
        ConsoleSession.PostFormAsync(browser, action, formPage, fields);

    [GeneratedRegex("data-testid=\"new-api-key\">(?<key>[^<]+)<")]
    private static partial Regex NewKey();

    [GeneratedRegex("name=\"id\" value=\"(?<id>[0-9a-f-]{36})\"")]
    private static partial Regex HiddenId();
}
