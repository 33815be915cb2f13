using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.SharedKernel.Data;
using LunaPoint.Tests.Infrastructure;

namespace LunaPoint.Tests.Modules.Auth;

/// <summary>
/// Junk tokens and keys from one address: counted into a few audit rows (not a row each) and throttled
/// with 429 after the limit, while other addresses carry on. A host of its own, with a low limit.
/// </summary>
public sealed class CredentialFloodTests
{
    private const int Limit = 20;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TwoHundredJunkCredentials_CostAFewAuditRows_AndEndIn429(DatabaseProvider provider)
    {
        await using var factory = await LunaPointFactory.StartAsync(provider, new Dictionary<string, string?> { ["LunaPoint:Auth:FailedCredentialsPerMinute"] = Limit.ToString() });
        await factory.WaitUntilReadyAsync();
        var attacker = AuthTestKit.UniqueAddress();
        using var admin = await factory.CreateAdminClientAsync();
        var validKey = await AuthTestKit.CreateApiKeyAsync(admin, Roles.Viewer);
        using var fromAttacker = factory.CreateClientFrom(attacker);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 200; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/streams");
            if (i % 2 == 0)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", $"junk.token.{i}");
            }
            else
            {
                request.Headers.Add("X-Api-Key", $"lp_{i:D10}_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
            }

            last?.Dispose();
            last = await fromAttacker.SendAsync(request);
            statuses.Add(last.StatusCode);
        }

        // The first refusals are answered as such; then the address is throttled before any check.
        Assert.All(statuses.Take(Limit), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.All(statuses.Skip(Limit), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        Assert.Equal("application/problem+json", last!.Content.Headers.ContentType?.MediaType);
        var problem = await AuthTestKit.Json(last);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("type").GetString()));
        Assert.True(int.Parse(Assert.Single(last.Headers.GetValues("Retry-After"))) is > 0 and <= 60);
        last.Dispose();

        // Throttled means throttled: even a valid key from that address waits; another address is served.
        using var validFromAttacker = factory.CreateClientFrom(attacker);
        validFromAttacker.DefaultRequestHeaders.Add("X-Api-Key", validKey);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await validFromAttacker.GetAsync("/api/v1/streams")).StatusCode);
        using var validFromElsewhere = factory.CreateClientFrom(AuthTestKit.UniqueAddress());
        validFromElsewhere.DefaultRequestHeaders.Add("X-Api-Key", validKey);
        Assert.Equal(HttpStatusCode.OK, (await validFromElsewhere.GetAsync("/api/v1/streams")).StatusCode);

        // 201 requests from the attacker, counted into one row per kind and reason (and minute).
        var rows = await AuthTestKit.AuditEventuallyAsync(admin, r => FromAttacker(r).Sum(Count) == 201, "succeeded=false");
        var attackerRows = FromAttacker(rows).ToList();
        Assert.Equal(201, attackerRows.Sum(Count));
        Assert.InRange(attackerRows.Count, 3, 6);
        Assert.Equal(["api-key.rejected", "credentials.throttled", "token.rejected"], attackerRows.Select(r => r.GetProperty("action").GetString()).Distinct().Order());

        IEnumerable<System.Text.Json.JsonElement> FromAttacker(List<System.Text.Json.JsonElement> all) =>
            all.Where(r => r.GetProperty("ipAddress").GetString() == attacker.ToString());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task JunkCredentials_OnAnEndpointThatLetsAnyoneIn_AreCountedAndThrottledToo(DatabaseProvider provider)
    {
        await using var factory = await LunaPointFactory.StartAsync(provider, new Dictionary<string, string?> { ["LunaPoint:Auth:FailedCredentialsPerMinute"] = Limit.ToString() });
        await factory.WaitUntilReadyAsync();
        var attacker = AuthTestKit.UniqueAddress();
        using var admin = await factory.CreateAdminClientAsync();
        using var fromAttacker = factory.CreateClientFrom(attacker);

        // /health/ready answers anonymous callers, so it never challenges: the refusals must still count.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2 * Limit; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/health/ready");
            if (i % 2 == 0)
            {
                request.Headers.Add("X-Api-Key", $"lp_x_{i}");
            }
            else
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", $"junk.token.{i}");
            }

            using var response = await fromAttacker.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(Limit), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.All(statuses.Skip(Limit), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        // Without a credential the probe is still served (the throttle is for credentials, not for probes).
        using var anonymous = factory.CreateClientFrom(attacker);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);

        var rows = await AuthTestKit.AuditEventuallyAsync(admin, r => FromAttacker(r).Sum(Count) == 2 * Limit, "succeeded=false");
        var attackerRows = FromAttacker(rows).ToList();
        Assert.Equal(2 * Limit, attackerRows.Sum(Count));
        Assert.Equal(Limit / 2, attackerRows.Where(r => r.GetProperty("action").GetString() == "api-key.rejected").Sum(Count));
        Assert.Equal(Limit / 2, attackerRows.Where(r => r.GetProperty("action").GetString() == "token.rejected").Sum(Count));

        IEnumerable<System.Text.Json.JsonElement> FromAttacker(List<System.Text.Json.JsonElement> all) =>
            all.Where(r => r.GetProperty("ipAddress").GetString() == attacker.ToString());
    }

    private static int Count(System.Text.Json.JsonElement row) => row.GetProperty("count").GetInt32();
}
