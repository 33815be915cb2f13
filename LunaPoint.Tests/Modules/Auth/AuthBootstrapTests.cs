using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using LunaPoint.SharedKernel.Data;
using LunaPoint.Tests.Infrastructure;

namespace LunaPoint.Tests.Modules.Auth;

/// <summary>Behaviour that needs a host of its own: first start without a password, and the sign-in rate limit.</summary>
public sealed partial class AuthBootstrapTests
{
    [Fact]
    public async Task FirstStart_WithoutAdminPassword_LogsAGeneratedOneOnce_AndForcesAChange()
    {
        await using var factory = await LunaPointFactory.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["LunaPoint:AdminPassword"] = "" });
        await factory.WaitUntilReadyAsync();

        var lines = factory.Logs.Lines.Where(l => GeneratedPassword().IsMatch(l.Message)).ToList();
        var password = GeneratedPassword().Match(Assert.Single(lines).Message).Groups["password"].Value;
        Assert.True(password.Length >= 16);
        Assert.Single(factory.Logs.Lines, l => l.Message.Contains(password, StringComparison.Ordinal));

        using var client = factory.CreateAnonymousClient();
        using var forced = await client.RequestTokenAsync("admin", password);
        Assert.Equal(HttpStatusCode.Forbidden, forced.StatusCode);
        using var changed = await client.PostAsJsonAsync("/api/v1/auth/change-password", new { userName = "admin", currentPassword = password, newPassword = "Chosen-Admin-Pass-1" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        using var token = await client.RequestTokenAsync("admin", "Chosen-Admin-Pass-1");
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.DoesNotContain(factory.Logs.Lines, l => l.Message.Contains("Chosen-Admin-Pass-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FirstStart_WithAdminPassword_CreatesAdminOnce_AndNeverLogsIt()
    {
        await using var factory = await LunaPointFactory.StartAsync(DatabaseProvider.Sqlite);
        await factory.WaitUntilReadyAsync();

        using var client = factory.CreateAnonymousClient();
        using var token = await client.RequestTokenAsync("admin", LunaPointFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.DoesNotContain(factory.Logs.Lines, l => l.Message.Contains(LunaPointFactory.AdminPassword, StringComparison.Ordinal));
        Assert.Single(factory.Logs.Lines, l => l.Message.Contains("created administrator 'admin'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TokenEndpoint_IsRateLimitedPerClient()
    {
        await using var factory = await LunaPointFactory.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["LunaPoint:Auth:SignInPermitsPerMinute"] = "3" });
        await factory.WaitUntilReadyAsync();
        using var client = factory.CreateAnonymousClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.RequestTokenAsync("someone", "some-password-1");
            statuses.Add(response.StatusCode);
            if (i == 3)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.True(response.Headers.Contains("Retry-After"));
            }
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [GeneratedRegex("one-time password (?<password>\\S+) ")]
    private static partial Regex GeneratedPassword();
}
