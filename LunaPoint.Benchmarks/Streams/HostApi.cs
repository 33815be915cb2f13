using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LunaPoint.Modules.Detection.Features;
using LunaPoint.Modules.Licensing.Signing;

namespace LunaPoint.Benchmarks.Streams;

/// <summary>The REST calls the harness makes, as a third party would: a Bearer token from the admin password.</summary>
internal sealed class HostApi(HttpClient http) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<HostApi> SignInAsync(Uri baseAddress, string password, CancellationToken cancellationToken)
    {
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password }, cancellationToken);
        var body = await Ensure(response, "sign in", cancellationToken);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("accessToken").GetString());
        return new HostApi(http);
    }

    /// <summary>Installs a licence for <paramref name="maxStreams"/> streams with liveness, bodies and ISO checks (so --stream-settings may turn them on), signed with the key the host was given.</summary>
    public async Task UploadLicenseAsync(string privateKeyPem, int maxStreams, CancellationToken cancellationToken)
    {
        var document = new LicenseDocument("LunaPoint benchmarks", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1), maxStreams, 10_000, true, true, true, false);
        using var response = await http.PutAsJsonAsync("/api/v1/license", LicenseSigner.Sign(document, privateKeyPem), SignedLicense.Json, cancellationToken);
        await Ensure(response, "licence upload", cancellationToken);
    }

    public async Task<Guid> CreateHttpStreamAsync(string name, string url, double fps, JsonObject settings, CancellationToken cancellationToken)
    {
        var merged = (JsonObject)settings.DeepClone();
        merged["maxAnalysisFps"] = fps;
        var request = new { name, type = "http", source = url, settings = merged };
        using var response = await http.PostAsJsonAsync("/api/v1/streams", request, cancellationToken);
        return (await Ensure(response, $"create stream {name}", cancellationToken)).GetProperty("id").GetGuid();
    }

    /// <summary>The stream's figures, or null while Detection has no worker for it.</summary>
    /// <param name="windowSeconds">Latency quantiles over the samples of the last this many seconds only (the measured window, not the warm-up).</param>
    public async Task<StreamStatsDto?> StatsAsync(Guid streamId, CancellationToken cancellationToken, int? windowSeconds = null)
    {
        var query = windowSeconds is { } w ? $"?windowSeconds={w}" : "";
        using var response = await http.GetAsync(new Uri($"/api/v1/streams/{streamId}/stats{query}", UriKind.Relative), cancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound
            ? null
            : (await Ensure(response, "stats", cancellationToken)).Deserialize<StreamStatsDto>(Json);
    }

    /// <summary>The stream's status and reason as Streams reports it (to say why a stream does not analyse).</summary>
    public async Task<string> StatusAsync(Guid streamId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri($"/api/v1/streams/{streamId}", UriKind.Relative), cancellationToken);
        var body = await Ensure(response, "stream", cancellationToken);
        var status = body.TryGetProperty("status", out var s) ? s.ToString() : "?";
        return body.TryGetProperty("lastError", out var e) && e.ValueKind == JsonValueKind.String ? $"{status}: {e.GetString()}" : status;
    }

    private static async Task<JsonElement> Ensure(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose() => http.Dispose();
}
