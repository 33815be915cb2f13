using System.Net;
using System.Net.Http.Json;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Tests.Infrastructure;

namespace LunaPoint.Tests.Modules.Auth;

/// <summary>
/// Anyone can lock an account with five wrong passwords; an administrator must be able to end that: an
/// explicit unlock, a password reset and enabling the account each clear the lockout. And a PATCH with a
/// field the API does not know is refused, not silently ignored.
/// </summary>
public abstract class LockoutTests(HostFixture fixture)
{
    private const string WrongPassword = "wrong-password-1";

    private LunaPointFactory Factory => fixture.Factory;

    [Fact]
    public async Task ALockedAccount_IsFreedByUnlock_ByAPasswordReset_AndByEnabling()
    {
        using var admin = await Factory.CreateAdminClientAsync();
        var name = await Factory.CreateUserAsync(Roles.Operator);
        var id = await AuthTestKit.UserIdAsync(admin, name);
        var password = AuthClients.Password;

        // 1. Unlock.
        await LockAsync(admin, name, id, password);
        using (var unlocked = await admin.PatchAsJsonAsync($"/api/v1/users/{id}", new { unlock = true }))
        {
            Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
            Assert.Equal(System.Text.Json.JsonValueKind.Null, (await AuthTestKit.Json(unlocked)).GetProperty("lockedOutUntil").ValueKind);
        }

        await AssertSignsInAsync(name, password);

        // 2. An administrator's password reset (the user then sets their own).
        await LockAsync(admin, name, id, password);
        using (var reset = await admin.PatchAsJsonAsync($"/api/v1/users/{id}", new { password = "Reset-By-Admin-1" }))
        {
            Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
            Assert.Equal(System.Text.Json.JsonValueKind.Null, (await AuthTestKit.Json(reset)).GetProperty("lockedOutUntil").ValueKind);
        }

        password = "Own-Again-Pass-2";
        using (var anonymous = Factory.CreateClientFrom(AuthTestKit.UniqueAddress()))
        using (var changed = await anonymous.PostAsJsonAsync("/api/v1/auth/change-password", new { userName = name, currentPassword = "Reset-By-Admin-1", newPassword = password }))
        {
            Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        }

        await AssertSignsInAsync(name, password);

        // 3. Disabling and enabling again.
        await LockAsync(admin, name, id, password);
        (await admin.PatchAsJsonAsync($"/api/v1/users/{id}", new { disabled = true })).Dispose();
        using (var enabled = await admin.PatchAsJsonAsync($"/api/v1/users/{id}", new { disabled = false }))
        {
            Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
            Assert.Equal(System.Text.Json.JsonValueKind.Null, (await AuthTestKit.Json(enabled)).GetProperty("lockedOutUntil").ValueKind);
        }

        await AssertSignsInAsync(name, password);
    }

    [Fact]
    public async Task PatchingAUser_WithAFieldItDoesNotKnow_Is400NamingIt_AndChangesNothing()
    {
        using var admin = await Factory.CreateAdminClientAsync();
        var name = await Factory.CreateUserAsync(Roles.Viewer);
        var id = await AuthTestKit.UserIdAsync(admin, name);

        using var response = await admin.PatchAsJsonAsync($"/api/v1/users/{id}", new Dictionary<string, object?> { ["displayName"] = "Changed", ["lockedOutUntil"] = null });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await AuthTestKit.Json(response)).GetProperty("errors");
        Assert.Contains("lockedOutUntil", errors.GetProperty("lockedOutUntil")[0].GetString());
        var user = await AuthTestKit.Json(await admin.GetAsync($"/api/v1/users/{id}"));
        Assert.Equal(JsonNull, user.GetProperty("displayName").ValueKind);
    }

    private static System.Text.Json.JsonValueKind JsonNull => System.Text.Json.JsonValueKind.Null;

    /// <summary>Five wrong passwords from a fresh address lock the account; then even the right one is refused.</summary>
    private async Task LockAsync(HttpClient admin, string name, string id, string rightPassword)
    {
        using var attacker = Factory.CreateClientFrom(AuthTestKit.UniqueAddress());
        for (var i = 0; i < 5; i++)
        {
            using var refused = await attacker.RequestTokenAsync(name, WrongPassword);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var locked = await attacker.RequestTokenAsync(name, rightPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        var user = await AuthTestKit.Json(await admin.GetAsync($"/api/v1/users/{id}"));
        Assert.NotEqual(JsonNull, user.GetProperty("lockedOutUntil").ValueKind);
    }

    private async Task AssertSignsInAsync(string name, string password)
    {
        using var client = Factory.CreateClientFrom(AuthTestKit.UniqueAddress());
        using var token = await client.RequestTokenAsync(name, password);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
    }
}

[Collection(PostgresCollection.Name)]
public sealed class LockoutTestsOnPostgres(PostgresHostFixture fixture) : LockoutTests(fixture);

[Collection(SqliteCollection.Name)]
public sealed class LockoutTestsOnSqlite(SqliteHostFixture fixture) : LockoutTests(fixture);
