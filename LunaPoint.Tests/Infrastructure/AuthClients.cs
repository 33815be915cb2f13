using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LunaPoint.Modules.Auth.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Tests.Infrastructure;

/// <summary>Clients signed in the way third parties sign in: a Bearer token from POST /api/v1/auth/token.</summary>
public static class AuthClients
{
    public const string Password = "Test-Password-123";

    /// <summary>A user of <paramref name="role"/> with a fresh name (created through Identity, as the API does).</summary>
    public static async Task<string> CreateUserAsync(this LunaPointFactory factory, string role, string? userName = null)
    {
        userName ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..24];
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = new User { UserName = userName, CreatedAt = DateTimeOffset.UtcNow };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return userName;
    }

    public static async Task<HttpResponseMessage> RequestTokenAsync(this HttpClient client, string userName, string password) =>
        await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });

    public static async Task<string> GetTokenAsync(this LunaPointFactory factory, string userName, string password)
    {
        using var client = factory.CreateClient();
        using var response = await client.RequestTokenAsync(userName, password);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"token for {userName}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString()!;
    }

    public static HttpClient CreateClientWithToken(this LunaPointFactory factory, string token)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client signed in as a new user of <paramref name="role"/> (the bootstrap admin for Administrator when asked).</summary>
    public static async Task<HttpClient> CreateClientAsAsync(this LunaPointFactory factory, string role)
    {
        var userName = await factory.CreateUserAsync(role);
        return factory.CreateClientWithToken(await factory.GetTokenAsync(userName, Password));
    }

    public static async Task<HttpClient> CreateAdminClientAsync(this LunaPointFactory factory) =>
        factory.CreateClientWithToken(await factory.GetTokenAsync("admin", LunaPointFactory.AdminPassword));

    public static HttpClient CreateAnonymousClient(this LunaPointFactory factory) =>
        factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}
