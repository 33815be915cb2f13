using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LunaPoint.Benchmarks.Streams;
using LunaPoint.Modules.Licensing.Signing;

namespace LunaPoint.Benchmarks.Import;

/// <summary>
/// <c>-- import --faces 1000000 [--no-build]</c>: descriptor import through the REST endpoint
/// (POST /api/v1/lists/{id}/faces/import, NDJSON streamed) into a throwaway PostgreSQL, the host as a child
/// process (Release). One JSON line: faces, seconds, facesPerSecond and the host's answer.
/// </summary>
internal static class ImportCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var faces = Value(args, "--faces", 1_000_000);
        var repo = RepoRoot();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        var ct = cancel.Token;
        if (!args.Contains("--no-build"))
        {
            await HostProcess.BuildAsync(repo, Console.Error, ct);
        }

        await using var postgres = await ThrowawayPostgres.StartAsync(ct);
        var keys = LicenseSigner.CreateKeyPair();
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Postgres"] = postgres.ConnectionString,
            ["Modules:Detection:Workers:Enabled"] = "false",
        };
        await using var host = await HostProcess.StartAsync(repo, keys.PublicPem, settings, keep: false, ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(30) };
        var token = await PostAsync(http, "/api/v1/auth/token", new { userName = "admin", password = HostProcess.AdminPassword }, ct);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        var licence = new LicenseDocument("LunaPoint benchmarks", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1), 4, faces, false, false, false, true);
        (await http.PutAsJsonAsync("/api/v1/license", LicenseSigner.Sign(licence, keys.PrivatePem), SignedLicense.Json, ct)).EnsureSuccessStatusCode();
        var list = await PostAsync(http, "/api/v1/lists", new { name = "Imported gallery" }, ct);

        var body = new NdjsonContent(faces, seed: 7);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        var clock = Stopwatch.StartNew();
        using var response = await http.PostAsync($"/api/v1/lists/{list.GetProperty("id").GetString()}/faces/import", body, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        clock.Stop();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"import: {(int)response.StatusCode} {text}");
        }

        var report = JsonDocument.Parse(text).RootElement;
        var imported = report.GetProperty("imported").GetInt64();
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            faces,
            seconds = Math.Round(clock.Elapsed.TotalSeconds, 2),
            facesPerSecond = Math.Round(imported / clock.Elapsed.TotalSeconds),
            imported,
            failed = report.GetProperty("failed").GetInt64(),
            refused = report.GetProperty("refused").GetInt64(),
            megabytes = Math.Round(body.BytesWritten / 1e6),
            cores = Environment.ProcessorCount,
        }));
        return imported == faces ? 0 : 1;
    }

    private static async Task<JsonElement> PostAsync(HttpClient http, string path, object body, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(path, body, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        return response.IsSuccessStatusCode ? JsonDocument.Parse(text).RootElement.Clone() : throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {text}");
    }

    private static int Value(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LunaPoint.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("run from inside the repository");
    }
}
