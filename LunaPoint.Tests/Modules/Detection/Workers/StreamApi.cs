using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LunaPoint.Tests.Modules.Detection.Workers;

/// <summary>The REST calls the worker tests make, with polling that fails with what it last saw.</summary>
internal static class StreamApi
{
    public static async Task<Guid> CreateAsync(HttpClient client, object stream)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/streams", stream);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create stream: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, Guid id) =>
        JsonDocument.Parse(await client.GetStringAsync($"/api/v1/streams/{id}")).RootElement;

    public static async Task<JsonElement?> StatsAsync(HttpClient client, Guid id)
    {
        using var response = await client.GetAsync($"/api/v1/streams/{id}/stats");
        return response.StatusCode == HttpStatusCode.OK ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement : null;
    }

    /// <summary>Polls the stream until <paramref name="condition"/> holds; fails with the last stream seen.</summary>
    public static async Task<JsonElement> WaitForAsync(HttpClient client, Guid id, Func<JsonElement, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        JsonElement last;
        do
        {
            last = await GetAsync(client, id);
            if (condition(last))
            {
                return last;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"Stream {id} never became {what}; last: {last}");
        return last;
    }

    public static Task<JsonElement> WaitForStatusAsync(HttpClient client, Guid id, string status, TimeSpan? timeout = null) =>
        WaitForAsync(client, id, s => s.GetProperty("status").GetString() == status, status, timeout);

    public static async Task DeleteAllAsync(HttpClient client)
    {
        var list = JsonDocument.Parse(await client.GetStringAsync("/api/v1/streams?pageSize=500")).RootElement;
        foreach (var stream in list.GetProperty("items").EnumerateArray())
        {
            using var _ = await client.DeleteAsync($"/api/v1/streams/{stream.GetProperty("id").GetString()}");
        }
    }
}
