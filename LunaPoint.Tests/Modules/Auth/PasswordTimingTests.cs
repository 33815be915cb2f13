using System.Net;
using System.Net.Http.Json;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Auth.Domain;
using LunaPoint.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LunaPoint.Tests.Modules.Auth;

/// <summary>
/// Timing must not tell an unknown, locked or disabled name from an existing one. Rather than time
/// requests (noisy), count the expensive part: every answer, refusal or not, verifies exactly one
/// password hash with the production hasher, which the host is given wrapped in a counter.
/// </summary>
public abstract class PasswordTimingTests(HostFixture fixture)
{
    [Fact]
    public async Task EveryTokenAnswer_VerifiesExactlyOnePasswordHash()
    {
        await using var host = fixture.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.AddSingleton(sp => new CountingHasher(new PasswordHasher<User>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>())));
            services.AddScoped<IPasswordHasher<User>>(sp => sp.GetRequiredService<CountingHasher>());
        }));
        var hasher = host.Services.GetRequiredService<CountingHasher>();
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var admin = host.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", await fixture.Factory.GetTokenAsync("admin", LunaPointFactory.AdminPassword));
        var good = await fixture.Factory.CreateUserAsync(Roles.Viewer);
        var locked = await fixture.Factory.CreateUserAsync(Roles.Viewer);
        var disabled = await fixture.Factory.CreateUserAsync(Roles.Viewer);
        var mustChange = await fixture.Factory.CreateUserAsync(Roles.Viewer);
        for (var i = 0; i < 5; i++)
        {
            await client.RequestTokenAsync(locked, "wrong-password-12");
        }

        await admin.PatchAsJsonAsync($"/api/v1/users/{await AuthTestKit.UserIdAsync(admin, disabled)}", new { disabled = true });
        await admin.PatchAsJsonAsync($"/api/v1/users/{await AuthTestKit.UserIdAsync(admin, mustChange)}", new { password = "Reset-By-Admin-7" });

        var answers = new Dictionary<string, (HttpStatusCode Status, int Hashes)>();
        foreach (var (path, user, password) in new[]
        {
            ("accepted", good, AuthClients.Password),
            ("unknown user", "nobody-" + Guid.NewGuid().ToString("N")[..8], AuthClients.Password),
            ("wrong password", good, "wrong-password-12"),
            ("locked out", locked, AuthClients.Password),
            ("disabled", disabled, AuthClients.Password),
            ("must change password", mustChange, "Reset-By-Admin-7"),
        })
        {
            hasher.Reset();
            using var response = await client.RequestTokenAsync(user, password);
            answers[path] = (response.StatusCode, hasher.Verifications);
        }

        Assert.Equal(
            new Dictionary<string, (HttpStatusCode, int)>
            {
                ["accepted"] = (HttpStatusCode.OK, 1),
                ["unknown user"] = (HttpStatusCode.Unauthorized, 1),
                ["wrong password"] = (HttpStatusCode.Unauthorized, 1),
                ["locked out"] = (HttpStatusCode.Unauthorized, 1),
                ["disabled"] = (HttpStatusCode.Unauthorized, 1),
                ["must change password"] = (HttpStatusCode.Forbidden, 1),
            },
            answers);
    }

    /// <summary>The production hasher, counting verifications.</summary>
    private sealed class CountingHasher(IPasswordHasher<User> inner) : IPasswordHasher<User>
    {
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public void Reset() => Interlocked.Exchange(ref _verifications, 0);

        public string HashPassword(User user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PasswordTimingTestsOnPostgres(PostgresHostFixture fixture) : PasswordTimingTests(fixture);

[Collection(SqliteCollection.Name)]
public sealed class PasswordTimingTestsOnSqlite(SqliteHostFixture fixture) : PasswordTimingTests(fixture);
