using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LunaPoint.Tests.Infrastructure;

namespace LunaPoint.Tests.Modules.Auth;

/// <summary>What several Auth test classes do: read JSON, find users, read the audit log, call from an address.</summary>
internal static class AuthTestKit
{
    public static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    public static async Task<string> UserIdAsync(HttpClient admin, string userName)
    {
        var page = await Json(await admin.GetAsync($"/api/v1/users?search={userName}&pageSize=500"));
        return page.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("userName").GetString() == userName).GetProperty("id").GetString()!;
    }

    /// <summary>A client whose requests come from <paramref name="address"/>, so per-address limits of one test do not touch another.</summary>
    public static HttpClient CreateClientFrom(this LunaPointFactory factory, IPAddress address)
    {
        var handler = factory.Server.CreateHandler(context => context.Connection.RemoteIpAddress = address);
        return new HttpClient(handler) { BaseAddress = factory.Server.BaseAddress };
    }

    /// <summary>A fresh address in 10.0.0.0/8 for one test.</summary>
    public static IPAddress UniqueAddress()
    {
        var bytes = Guid.NewGuid().ToByteArray();
        return new IPAddress([10, bytes[0], bytes[1], (byte)(bytes[2] | 1)]);
    }

    /// <summary>
    /// Creates a user through the API as an administrator does, then changes the given password as the
    /// user must, and returns a token for them.
    /// </summary>
    public static async Task<string> CreateUserThroughApiAsync(this LunaPointFactory factory, HttpClient admin, string role, string? userName = null)
    {
        userName ??= $"u-{Guid.NewGuid():N}"[..16];
        using var created = await admin.PostAsJsonAsync("/api/v1/users", new { userName, password = "Given-By-Admin-1", role });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var anonymous = factory.CreateAnonymousClient();
        using var changed = await anonymous.PostAsJsonAsync("/api/v1/auth/change-password", new { userName, currentPassword = "Given-By-Admin-1", newPassword = AuthClients.Password });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        return userName;
    }

    public static async Task<string> CreateApiKeyAsync(HttpClient creator, string role, string name = "integration")
    {
        using var response = await creator.PostAsJsonAsync("/api/v1/api-keys", new { name, role });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Json(response)).GetProperty("key").GetString()!;
    }

    public static HttpClient WithApiKey(this LunaPointFactory factory, string key)
    {
        var client = factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public static async Task<List<JsonElement>> AuditAsync(HttpClient admin, string query = "")
    {
        var page = await Json(await admin.GetAsync($"/api/v1/audit?pageSize=500&{query}"));
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    /// <summary>Polls the audit log until <paramref name="done"/> holds (refusals are written by a background writer).</summary>
    public static async Task<List<JsonElement>> AuditEventuallyAsync(HttpClient admin, Func<List<JsonElement>, bool> done, string query = "")
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var rows = await AuditAsync(admin, query);
            if (done(rows) || DateTime.UtcNow > deadline)
            {
                return rows;
            }

            await Task.Delay(100);
        }
    }
}
