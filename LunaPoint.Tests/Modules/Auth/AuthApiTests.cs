using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using LunaPoint.Modules.Auth;
using LunaPoint.Modules.Auth.Authentication;
using LunaPoint.Modules.Auth.Data;
using LunaPoint.Modules.Auth.Domain;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LunaPoint.Tests.Modules.Auth;

/// <summary>The REST side of POINT AUTH as a third party uses it, on both databases.</summary>
public abstract class AuthApiTests(HostFixture fixture)
{
    private LunaPointFactory Factory => fixture.Factory;

    [Fact]
    public async Task ThirdPartyWalkthrough_TokenUserKeyCallRevoke_IsAllAudited()
    {
        using var admin = await Factory.CreateAdminClientAsync();
        var operatorName = $"op-{Guid.NewGuid():N}"[..16];

        using var created = await admin.PostAsJsonAsync("/api/v1/users", new { userName = operatorName, password = "Operator-Pass-99", role = Roles.Operator, displayName = "Night shift" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(Roles.Operator, (await Json(created)).GetProperty("role").GetString());
        Assert.NotNull(created.Headers.Location);
        using var anonymous = Factory.CreateAnonymousClient();
        using var changed = await anonymous.PostAsJsonAsync("/api/v1/auth/change-password", new { userName = operatorName, currentPassword = "Operator-Pass-99", newPassword = "Operator-Own-Pass-1" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        var operatorToken = await Factory.GetTokenAsync(operatorName, "Operator-Own-Pass-1");
        Assert.False(string.IsNullOrEmpty(operatorToken));

        using var keyResponse = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "vms-integration", role = Roles.Administrator });
        Assert.Equal(HttpStatusCode.Created, keyResponse.StatusCode);
        var key = await Json(keyResponse);
        var secret = key.GetProperty("key").GetString()!;
        var keyId = key.GetProperty("id").GetString();

        using var integration = Factory.CreateAnonymousClient();
        integration.DefaultRequestHeaders.Add("X-Api-Key", secret);
        using (var withKey = await integration.GetAsync("/api/v1/users"))
        {
            Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
        }

        var listed = (await Json(await admin.GetAsync("/api/v1/api-keys"))).EnumerateArray().Single(k => k.GetProperty("id").GetString() == keyId);
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("lastUsedAt").ValueKind);
        Assert.False(listed.TryGetProperty("key", out _), "the secret must not be listed");

        using (var revoked = await admin.DeleteAsync($"/api/v1/api-keys/{keyId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }

        using var refused = await integration.GetAsync("/api/v1/users");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        // Refused keys are counted by a background writer, not written in the request.
        await AuthTestKit.AuditEventuallyAsync(admin, rows => rows.Any(r => r.GetProperty("action").GetString() == "api-key.rejected"));
        var audit = await AuditActionsAsync(admin);
        Assert.Contains(audit, a => a.Action == "user.created" && a.Target == $"user {operatorName}" && a.Actor == "admin");
        Assert.Contains(audit, a => a.Action == "sign-in.succeeded" && a.Actor == operatorName);
        Assert.Contains(audit, a => a.Action == "api-key.created" && a.Target!.StartsWith("api key vms-integration", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Action == "api-key.revoked" && a.Target!.StartsWith("api key vms-integration", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Action == "api-key.rejected" && !a.Succeeded);
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenForTheRightPassword()
    {
        var user = await Factory.CreateUserAsync(Roles.Viewer);
        using var client = Factory.CreateAnonymousClient();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await client.RequestTokenAsync(user, "not-the-password-1");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var locked = await client.RequestTokenAsync(user, AuthClients.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        using var admin = await Factory.CreateAdminClientAsync();
        var failures = (await AuditActionsAsync(admin)).Where(a => a.Action == "sign-in.failed" && a.Actor == user).ToList();
        Assert.Equal(6, failures.Count);
        Assert.Contains(failures, a => a.Details.Contains("locked out"));
    }

    [Fact]
    public async Task UnknownUserAndWrongPassword_GetTheSameAnswer()
    {
        var user = await Factory.CreateUserAsync(Roles.Viewer);
        using var client = Factory.CreateAnonymousClient();

        using var unknown = await client.RequestTokenAsync("nobody-" + Guid.NewGuid().ToString("N")[..8], "whatever-password");
        using var wrong = await client.RequestTokenAsync(user, "whatever-password");

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal((await Json(unknown)).GetProperty("detail").GetString(), (await Json(wrong)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ExpiredAndTamperedTokens_Get401ProblemsSayingWhy()
    {
        var user = await Factory.CreateUserAsync(Roles.Administrator);
        var good = await Factory.GetTokenAsync(user, AuthClients.Password);
        var key = Factory.Services.GetRequiredService<SigningKeyProvider>().Key;
        var expired = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "lunapoint",
            Audience = "lunapoint-api",
            IssuedAt = DateTime.UtcNow.AddHours(-2),
            NotBefore = DateTime.UtcNow.AddHours(-2),
            Expires = DateTime.UtcNow.AddHours(-1),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity([new Claim("sub", Guid.NewGuid().ToString()), new Claim("role", Roles.Administrator)]),
        });
        var parts = good.Split('.');
        var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(parts[1])).RootElement.GetRawText().Replace(user, "admin");
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        using var withExpired = Factory.CreateClientWithToken(expired);
        using var withTampered = Factory.CreateClientWithToken(tampered);
        using var withGarbage = Factory.CreateClientWithToken("not.a.jwt");
        using var expiredAnswer = await withExpired.GetAsync("/api/v1/users");
        using var tamperedAnswer = await withTampered.GetAsync("/api/v1/users");
        using var garbageAnswer = await withGarbage.GetAsync("/api/v1/users");

        Assert.Equal(HttpStatusCode.Unauthorized, expiredAnswer.StatusCode);
        Assert.Contains("expired", (await Json(expiredAnswer)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, tamperedAnswer.StatusCode);
        Assert.Equal("The access token is invalid.", (await Json(tamperedAnswer)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, garbageAnswer.StatusCode);
        Assert.Equal("application/problem+json", garbageAnswer.Content.Headers.ContentType?.MediaType);
        using var withGood = Factory.CreateClientWithToken(good);
        Assert.Equal(HttpStatusCode.OK, (await withGood.GetAsync("/api/v1/users")).StatusCode);
    }

    [Fact]
    public async Task DisablingAUser_EndsTheirTokenAndRefusesSignIn_EnablingRestores()
    {
        var user = await Factory.CreateUserAsync(Roles.Administrator);
        var token = await Factory.GetTokenAsync(user, AuthClients.Password);
        using var asUser = Factory.CreateClientWithToken(token);
        using var admin = await Factory.CreateAdminClientAsync();
        var id = await UserIdAsync(admin, user);
        Assert.Equal(HttpStatusCode.OK, (await asUser.GetAsync("/api/v1/users")).StatusCode);

        using var disable = await admin.PatchAsJsonAsync($"/api/v1/users/{id}", new { disabled = true });
        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        Assert.True((await Json(disable)).GetProperty("disabled").GetBoolean());

        using var anonymous = Factory.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.RequestTokenAsync(user, AuthClients.Password)).StatusCode);
        using var oldToken = await asUser.GetAsync("/api/v1/users");
        Assert.Equal(HttpStatusCode.Unauthorized, oldToken.StatusCode);
        Assert.Contains("disabled", (await Json(oldToken)).GetProperty("detail").GetString());

        using var enable = await admin.PatchAsJsonAsync($"/api/v1/users/{id}", new { disabled = false });
        Assert.Equal(HttpStatusCode.OK, (await anonymous.RequestTokenAsync(user, AuthClients.Password)).StatusCode);
    }

    [Fact]
    public async Task RenamingAUser_KeepsTheirToken_ChangingTheRoleEndsIt()
    {
        var user = await Factory.CreateUserAsync(Roles.Operator);
        using var asUser = Factory.CreateClientWithToken(await Factory.GetTokenAsync(user, AuthClients.Password));
        using var admin = await Factory.CreateAdminClientAsync();
        var id = await UserIdAsync(admin, user);
        Assert.Equal(HttpStatusCode.OK, (await asUser.GetAsync("/api/v1/streams")).StatusCode);

        using var renamed = await admin.PatchAsJsonAsync($"/api/v1/users/{id}", new { displayName = "Night shift lead" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await asUser.GetAsync("/api/v1/streams")).StatusCode);

        using var demoted = await admin.PatchAsJsonAsync($"/api/v1/users/{id}", new { role = Roles.Viewer });
        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
        using var afterDemotion = await asUser.GetAsync("/api/v1/streams");
        Assert.Equal(HttpStatusCode.Unauthorized, afterDemotion.StatusCode);
        Assert.Contains("role", (await Json(afterDemotion)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task UserCreatedByAnAdministrator_MustChangeThePasswordBeforeAToken()
    {
        using var admin = await Factory.CreateAdminClientAsync();
        var name = $"new-{Guid.NewGuid():N}"[..16];
        using var created = await admin.PostAsJsonAsync("/api/v1/users", new { userName = name, password = "Given-By-Admin-1", role = Roles.Viewer });
        Assert.True((await Json(created)).GetProperty("mustChangePassword").GetBoolean());
        using var anonymous = Factory.CreateAnonymousClient();

        using var refused = await anonymous.RequestTokenAsync(name, "Given-By-Admin-1");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("POST /api/v1/auth/change-password", (await Json(refused)).GetProperty("detail").GetString());
        using var changed = await anonymous.PostAsJsonAsync("/api/v1/auth/change-password", new { userName = name, currentPassword = "Given-By-Admin-1", newPassword = "Chosen-By-Me-22" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        Assert.False(string.IsNullOrEmpty(await Factory.GetTokenAsync(name, "Chosen-By-Me-22")));
        Assert.False((await Json(await admin.GetAsync($"/api/v1/users/{await UserIdAsync(admin, name)}"))).GetProperty("mustChangePassword").GetBoolean());
    }

    [Fact]
    public async Task ApiKey_StopsWhenItsOwnerIsDisabled_AndWorksAgainWhenEnabled()
    {
        using var admin = await Factory.CreateAdminClientAsync();
        var owner = await Factory.CreateUserAsync(Roles.Administrator);
        using var asOwner = Factory.CreateClientWithToken(await Factory.GetTokenAsync(owner, AuthClients.Password));
        using var withKey = Factory.WithApiKey(await AuthTestKit.CreateApiKeyAsync(asOwner, Roles.Administrator));
        var id = await UserIdAsync(admin, owner);
        Assert.Equal(HttpStatusCode.OK, (await withKey.GetAsync("/api/v1/users")).StatusCode);

        await admin.PatchAsJsonAsync($"/api/v1/users/{id}", new { disabled = true });
        using var refused = await withKey.GetAsync("/api/v1/users");
        await admin.PatchAsJsonAsync($"/api/v1/users/{id}", new { disabled = false });
        using var restored = await withKey.GetAsync("/api/v1/users");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        var listed = (await Json(await admin.GetAsync("/api/v1/api-keys"))).EnumerateArray().Where(k => k.GetProperty("owner").GetString() == owner).ToList();
        Assert.True(Assert.Single(listed).GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task ApiKey_AboveItsOwnersNewRole_IsRefused_AKeyWithinItKeepsWorking()
    {
        using var admin = await Factory.CreateAdminClientAsync();
        var owner = await Factory.CreateUserAsync(Roles.Administrator);
        using var asOwner = Factory.CreateClientWithToken(await Factory.GetTokenAsync(owner, AuthClients.Password));
        using var adminKey = Factory.WithApiKey(await AuthTestKit.CreateApiKeyAsync(asOwner, Roles.Administrator, "admin-key"));
        using var operatorKey = Factory.WithApiKey(await AuthTestKit.CreateApiKeyAsync(asOwner, Roles.Operator, "operator-key"));

        using var demoted = await admin.PatchAsJsonAsync($"/api/v1/users/{await UserIdAsync(admin, owner)}", new { role = Roles.Operator });
        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await adminKey.GetAsync("/api/v1/streams")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await operatorKey.GetAsync("/api/v1/streams")).StatusCode);
        var listed = (await Json(await admin.GetAsync("/api/v1/api-keys"))).EnumerateArray().Where(k => k.GetProperty("owner").GetString() == owner)
            .ToDictionary(k => k.GetProperty("name").GetString()!, k => k.GetProperty("active").GetBoolean());
        Assert.Equal(new Dictionary<string, bool> { ["admin-key"] = false, ["operator-key"] = true }, listed);
    }

    [Fact]
    public async Task AnApiKey_CannotManageUserAccounts_SoItCannotMintItselfAnIdentity()
    {
        using var admin = await Factory.CreateAdminClientAsync();
        using var adminKey = Factory.WithApiKey(await AuthTestKit.CreateApiKeyAsync(admin, Roles.Administrator, "integration-key"));
        var victim = await Factory.CreateUserAsync(Roles.Operator);
        var victimId = await UserIdAsync(admin, victim);

        using var create = await adminKey.PostAsJsonAsync("/api/v1/users", new { userName = $"minted-{Guid.NewGuid():N}"[..20], password = "Minted-Pass-123", role = Roles.Administrator });
        using var reset = await adminKey.PatchAsJsonAsync($"/api/v1/users/{victimId}", new { password = "Taken-Over-Pass-1" });
        using var promote = await adminKey.PatchAsJsonAsync($"/api/v1/users/{victimId}", new { role = Roles.Administrator });

        foreach (var response in new[] { create, reset, promote })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("cannot manage user accounts", await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.OK, (await adminKey.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(Roles.Operator, (await Json(await admin.GetAsync($"/api/v1/users/{victimId}"))).GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Factory.CreateAnonymousClient().RequestTokenAsync(victim, AuthClients.Password)).StatusCode);
    }

    [Fact]
    public async Task AnApiKey_CannotCreateApiKeys_APersonCan()
    {
        using var admin = await Factory.CreateAdminClientAsync();
        using var adminKey = Factory.WithApiKey(await AuthTestKit.CreateApiKeyAsync(admin, Roles.Administrator, "parent-key"));

        using var refused = await adminKey.PostAsJsonAsync("/api/v1/api-keys", new { name = "child", role = Roles.Viewer, expiresAt = "9999-12-31T00:00:00Z" });
        using var refusedShort = await adminKey.PostAsJsonAsync("/api/v1/api-keys", new { name = "child", role = Roles.Viewer });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("An API key cannot create API keys", (await Json(refused)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, refusedShort.StatusCode);
        Assert.DoesNotContain((await Json(await admin.GetAsync("/api/v1/api-keys"))).EnumerateArray(), k => k.GetProperty("name").GetString() == "child");
        // The same key still does what its role allows otherwise.
        Assert.Equal(HttpStatusCode.OK, (await adminKey.GetAsync("/api/v1/api-keys")).StatusCode);
    }

    [Theory]
    [InlineData("9999-12-31T00:00:00Z")]
    [InlineData("2000-01-01T00:00:00Z")]
    public async Task ApiKey_ExpiryBeyondTheMaximumOrInThePast_Is400NamingExpiresAt(string expiresAt)
    {
        using var admin = await Factory.CreateAdminClientAsync();

        using var response = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "far-expiry", role = Roles.Viewer, expiresAt });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Json(response)).GetProperty("errors").EnumerateObject().ToList();
        Assert.Equal("expiresAt", Assert.Single(errors).Name, ignoreCase: true);
    }

    [Fact]
    public async Task ApiKey_ExpiryWithinTheMaximum_IsKept()
    {
        using var admin = await Factory.CreateAdminClientAsync();
        var expiresAt = DateTimeOffset.UtcNow.AddDays(729);

        using var created = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "long-expiry", role = Roles.Viewer, expiresAt });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(expiresAt, (await Json(created)).GetProperty("expiresAt").GetDateTimeOffset(), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task ApiKey_CreatedWithoutExpiry_GetsTheDefaultLifetime()
    {
        using var admin = await Factory.CreateAdminClientAsync();

        using var created = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "default-expiry", role = Roles.Viewer });
        var expiresAt = (await Json(created)).GetProperty("expiresAt").GetDateTimeOffset();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.InRange(expiresAt, DateTimeOffset.UtcNow.AddDays(365).AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(365).AddMinutes(5));
    }

    [Fact]
    public async Task AdministratorReset_ForcesAPasswordChangeBeforeTheNextToken()
    {
        var user = await Factory.CreateUserAsync(Roles.Viewer);
        using var admin = await Factory.CreateAdminClientAsync();
        var id = await UserIdAsync(admin, user);

        using var reset = await admin.PatchAsJsonAsync($"/api/v1/users/{id}", new { password = "Reset-By-Admin-1" });
        Assert.True((await Json(reset)).GetProperty("mustChangePassword").GetBoolean());

        using var anonymous = Factory.CreateAnonymousClient();
        using var refused = await anonymous.RequestTokenAsync(user, "Reset-By-Admin-1");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var tooShort = await anonymous.PostAsJsonAsync("/api/v1/auth/change-password", new { userName = user, currentPassword = "Reset-By-Admin-1", newPassword = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.True((await Json(tooShort)).GetProperty("errors").TryGetProperty("newPassword", out _));
        using var changed = await anonymous.PostAsJsonAsync("/api/v1/auth/change-password", new { userName = user, currentPassword = "Reset-By-Admin-1", newPassword = "My-Own-Password-2" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.False(string.IsNullOrEmpty(await Factory.GetTokenAsync(user, "My-Own-Password-2")));
    }

    [Theory]
    [InlineData("{\"userName\": \"admin\", \"password\": ", "application/json", 400, null)]
    [InlineData("{}", "application/json", 400, "userName")]
    [InlineData("{\"userName\":\"\",\"password\":\"x\"}", "application/json", 400, "userName")]
    [InlineData("userName=admin&password=x", "application/x-www-form-urlencoded", 415, null)]
    public async Task BadTokenRequests_Get4xxProblems(string body, string contentType, int status, string? field)
    {
        using var client = Factory.CreateAnonymousClient();

        using var response = await client.PostAsync("/api/v1/auth/token", new StringContent(body, Encoding.UTF8, contentType));
        var problem = await Json(response);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
        }
    }

    [Fact]
    public async Task OverLongUserName_IsRefusedWithAFieldError()
    {
        using var admin = await Factory.CreateAdminClientAsync();

        using var response = await admin.PostAsJsonAsync("/api/v1/users", new { userName = new string('a', 65), password = "Long-Enough-Pass", role = Roles.Viewer });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Json(response)).GetProperty("errors").TryGetProperty("userName", out _));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("lp_0123456789_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task GarbageApiKey_Gets401Problem(string key)
    {
        using var client = Factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);

        using var response = await client.GetAsync("/api/v1/audit");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("The API key is invalid, expired or revoked, or its owner may no longer use it.", (await Json(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ExpiredApiKey_IsRefused()
    {
        using var admin = await Factory.CreateAdminClientAsync();
        using var created = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "short-lived", role = Roles.Administrator, expiresAt = DateTimeOffset.UtcNow.AddHours(1) });
        var id = Guid.Parse((await Json(created)).GetProperty("id").GetString()!);
        using var client = Factory.WithApiKey((await Json(created)).GetProperty("key").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/users")).StatusCode);

        // The hour passes: move the expiry into the past rather than wait.
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AuthDbContext>();
            var expiry = DateTimeOffset.UtcNow.AddSeconds(-1);
            await db.ApiKeys.Where(k => k.Id == id).ExecuteUpdateAsync(s => s.SetProperty(k => k.ExpiresAt, expiry));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/users")).StatusCode);
    }

    [Fact]
    public async Task ApiKeyWithPastExpiry_IsRefusedAtCreation()
    {
        using var admin = await Factory.CreateAdminClientAsync();
        using var past = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "old", role = Roles.Viewer, expiresAt = DateTimeOffset.UtcNow.AddMinutes(-1) });

        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.True((await Json(past)).GetProperty("errors").TryGetProperty("expiresAt", out _));
    }

    [Fact]
    public async Task AuditLog_FiltersAndPages_ExcludeWhatDoesNotMatch()
    {
        using var admin = await Factory.CreateAdminClientAsync();
        var actor = $"aud-{Guid.NewGuid():N}"[..16];
        var other = $"aud-{Guid.NewGuid():N}"[..16];
        var now = DateTimeOffset.UtcNow;
        // Each row but the two "match" ones differs from the filter in exactly one field.
        var ids = await SeedAuditAsync(
            ("match-old", AuthModule.Name, "sign-in.succeeded", true, actor, now.AddMinutes(-30)),
            ("match-new", AuthModule.Name, "sign-in.succeeded", true, actor, now.AddMinutes(-20)),
            ("failed", AuthModule.Name, "sign-in.failed", false, actor, now.AddMinutes(-20)),
            ("other-module", "Streams", "sign-in.succeeded", true, actor, now.AddMinutes(-20)),
            ("other-action", AuthModule.Name, "user.created", true, actor, now.AddMinutes(-20)),
            ("other-actor", AuthModule.Name, "sign-in.succeeded", true, other, now.AddMinutes(-20)),
            ("too-old", AuthModule.Name, "sign-in.succeeded", true, actor, now.AddDays(-2)),
            ("too-new", AuthModule.Name, "sign-in.succeeded", true, actor, now.AddDays(2)));
        var window = $"from={Uri.EscapeDataString(now.AddHours(-1).ToString("O"))}&to={Uri.EscapeDataString(now.AddHours(1).ToString("O"))}";
        var filters = $"module=Auth&action=sign-in&succeeded=true&actor={actor}&{window}";

        var all = await Json(await admin.GetAsync($"/api/v1/audit?{filters}"));
        var first = await Json(await admin.GetAsync($"/api/v1/audit?{filters}&pageSize=1&page=1"));
        var second = await Json(await admin.GetAsync($"/api/v1/audit?{filters}&pageSize=1&page=2"));
        var unfiltered = await Json(await admin.GetAsync($"/api/v1/audit?actor={actor}&pageSize=500"));

        Assert.Equal(2, all.GetProperty("total").GetInt64());
        Assert.Equal([ids["match-new"], ids["match-old"]], all.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
        Assert.Equal(ids["match-new"], Assert.Single(first.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal(ids["match-old"], Assert.Single(second.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
        // Without the filters the excluded rows are there: the filters, not the seeding, removed them.
        Assert.Equal(7, unfiltered.GetProperty("total").GetInt64());
    }

    private async Task<Dictionary<string, long>> SeedAuditAsync(params (string Label, string Module, string Action, bool Succeeded, string Actor, DateTimeOffset At)[] rows)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuthDbContext>();
        var entries = rows.ToDictionary(r => r.Label, r => new AuditEntry { Module = r.Module, Action = r.Action, Succeeded = r.Succeeded, ActorName = r.Actor, At = r.At, Target = r.Label });
        db.AuditEntries.AddRange(entries.Values);
        await db.SaveChangesAsync();
        return entries.ToDictionary(e => e.Key, e => e.Value.Id);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<string> UserIdAsync(HttpClient admin, string userName)
    {
        var page = await Json(await admin.GetAsync($"/api/v1/users?search={userName}&pageSize=500"));
        return page.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("userName").GetString() == userName).GetProperty("id").GetString()!;
    }

    private static async Task<List<(string Action, bool Succeeded, string? Actor, string? Target, string Details)>> AuditActionsAsync(HttpClient admin)
    {
        var page = await Json(await admin.GetAsync("/api/v1/audit?pageSize=500"));
        return page.GetProperty("items").EnumerateArray().Select(e => (
            e.GetProperty("action").GetString()!,
            e.GetProperty("succeeded").GetBoolean(),
            e.GetProperty("actorName").GetString(),
            e.GetProperty("target").GetString(),
            e.GetProperty("details").GetRawText())).ToList();
    }
}

[Collection(PostgresCollection.Name)]
public sealed class AuthApiTestsOnPostgres(PostgresHostFixture fixture) : AuthApiTests(fixture);

[Collection(SqliteCollection.Name)]
public sealed class AuthApiTestsOnSqlite(SqliteHostFixture fixture) : AuthApiTests(fixture);
