using System.Net;
using System.Net.Http.Json;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.SharedKernel.Data;
using LunaPoint.Tests.Infrastructure;

namespace LunaPoint.Tests.Modules.Auth;

/// <summary>
/// The guard that keeps one active administrator. A host of its own, so "the last administrator" is
/// really the last: the shared hosts hold administrators made by other tests.
/// </summary>
public sealed class LastAdministratorTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TheLastAdministrator_CannotBeDisabledOrDemoted_ByAnotherAdministrator(DatabaseProvider provider)
    {
        await using var factory = await LunaPointFactory.StartAsync(provider);
        await factory.WaitUntilReadyAsync();
        using var first = await factory.CreateAdminClientAsync();
        var second = await factory.CreateUserThroughApiAsync(first, Roles.Administrator);
        using var asSecond = factory.CreateClientWithToken(await factory.GetTokenAsync(second, AuthClients.Password));
        var firstId = await AuthTestKit.UserIdAsync(first, "admin");
        var secondId = await AuthTestKit.UserIdAsync(first, second);

        // With two administrators, one may demote the other ...
        using var demoteFirst = await asSecond.PatchAsJsonAsync($"/api/v1/users/{firstId}", new { role = Roles.Operator });
        Assert.Equal(HttpStatusCode.OK, demoteFirst.StatusCode);

        // ... which leaves the second the last. Its own Administrator API key may not manage accounts at all
        // (a key must not be able to mint identities); the account itself tries to step down.
        using var otherActor = factory.WithApiKey(await AuthTestKit.CreateApiKeyAsync(asSecond, Roles.Administrator));
        using var disableLast = await otherActor.PatchAsJsonAsync($"/api/v1/users/{secondId}", new { disabled = true });
        using var demoteLast = await otherActor.PatchAsJsonAsync($"/api/v1/users/{secondId}", new { role = Roles.Viewer });
        using var demoteSelf = await asSecond.PatchAsJsonAsync($"/api/v1/users/{secondId}", new { role = Roles.Operator });
        using var disableSelf = await asSecond.PatchAsJsonAsync($"/api/v1/users/{secondId}", new { disabled = true });

        Assert.Equal(HttpStatusCode.Forbidden, disableLast.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, demoteLast.StatusCode);
        Assert.Contains("cannot manage user accounts", await demoteLast.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, demoteSelf.StatusCode);
        Assert.Equal("user.lastAdministrator", (await AuthTestKit.Json(demoteSelf)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Conflict, disableSelf.StatusCode);
        Assert.Equal("user.selfDisable", (await AuthTestKit.Json(disableSelf)).GetProperty("code").GetString());
        var state = await AuthTestKit.Json(await asSecond.GetAsync($"/api/v1/users/{secondId}"));
        Assert.Equal(Roles.Administrator, state.GetProperty("role").GetString());
        Assert.False(state.GetProperty("disabled").GetBoolean());

        // Once there is another administrator again, the same request is allowed: the guard counts, it does not forbid.
        using var promoteFirst = await asSecond.PatchAsJsonAsync($"/api/v1/users/{firstId}", new { role = Roles.Administrator });
        Assert.Equal(HttpStatusCode.OK, promoteFirst.StatusCode);
        using var firstAgain = await factory.CreateAdminClientAsync();
        using var demoteSecondNow = await firstAgain.PatchAsJsonAsync($"/api/v1/users/{secondId}", new { role = Roles.Viewer });
        Assert.Equal(HttpStatusCode.OK, demoteSecondNow.StatusCode);
    }

    [Fact]
    public async Task ApiKeyDefaultAndMaximumLifetimeOfZero_CreateKeysWithoutExpiry()
    {
        await using var factory = await LunaPointFactory.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["LunaPoint:Auth:ApiKeyDefaultLifetimeDays"] = "0", ["LunaPoint:Auth:ApiKeyMaxLifetimeDays"] = "0" });
        await factory.WaitUntilReadyAsync();
        using var admin = await factory.CreateAdminClientAsync();

        using var created = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "forever", role = Roles.Viewer });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await AuthTestKit.Json(created)).GetProperty("expiresAt").ValueKind);
    }

    [Fact]
    public async Task ApiKeyDefaultOfZero_WithAMaximum_GivesKeysTheMaximum()
    {
        await using var factory = await LunaPointFactory.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["LunaPoint:Auth:ApiKeyDefaultLifetimeDays"] = "0", ["LunaPoint:Auth:ApiKeyMaxLifetimeDays"] = "30",
        });
        await factory.WaitUntilReadyAsync();
        using var admin = await factory.CreateAdminClientAsync();

        using var created = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "capped", role = Roles.Viewer });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var expiresAt = (await AuthTestKit.Json(created)).GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(expiresAt, DateTimeOffset.UtcNow.AddDays(30).AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(30).AddMinutes(5));
    }
}
