extern alias host;

using System.Diagnostics;
using System.Text.Json;
using LunaPoint.Benchmarks.Stages;
using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.Modules.Events.Features;
using LunaPoint.Modules.Events.Matching;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenCvSharp;

namespace LunaPoint.Benchmarks.Search;

/// <summary>
/// <c>dotnet run -c Release --project LunaPoint.Benchmarks -- search --faces 1000000 --queries 50</c>: search by
/// photo end to end in the real host (SQLite, in-process): the search handler as POST /search runs it —
/// detect + landmarks + align + extract on the photo, then 1:N over the watchlist index (random unit
/// descriptors plus astronaut.png enrolled). Queries are astronaut.png flipped, scaled and re-encoded in
/// turn. Ends with one JSON line.
/// </summary>
internal static class SearchBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var faces = Option(args, "--faces", 1_000_000);
        var queries = Option(args, "--queries", 50);
        var root = StageBenchmark.FindRoot();
        var data = Directory.CreateTempSubdirectory("lunapoint-search-bench-").FullName;
        try
        {
            await using var host = new SearchHost(root, data);
            var services = host.Services;
            await host.WaitUntilReadyAsync();
            var photos = SearchPhotos.Variants(Path.Combine(root, ".cache", "test-media", "astronaut.png"));
            var enrolled = await DescribeAsync(services, File.ReadAllBytes(Path.Combine(root, ".cache", "test-media", "astronaut.png")));
            var list = Guid.NewGuid();
            var fill = Stopwatch.StartNew();
            var index = services.GetRequiredService<WatchlistIndex>();
            var planted = await SearchFill.FillAsync(services, index, list, faces, enrolled);
            var fillSeconds = fill.Elapsed.TotalSeconds;
            index.Readiness.MarkReady();

            var total = new List<double>();
            var describe = new List<double>();
            var match = new List<double>();
            var found = 0;
            for (var i = -3; i < queries; i++)
            {
                await using var scope = services.CreateAsyncScope();
                var sender = scope.ServiceProvider.GetRequiredService<ISender>();
                var started = Stopwatch.GetTimestamp();
                var result = await sender.Send(new SearchFaces(new SearchSource.Photo(photos[(i + 3) % photos.Count], null), SearchTarget.Faces, 10));
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (i < 0)
                {
                    continue; // warm-up
                }

                total.Add(elapsed);
                describe.Add(result.DescribeMs);
                match.Add(result.MatchMs);
                found += result.Faces.Count > 0 && result.Faces[0].FaceId == planted ? 1 : 0;
            }

            var figures = new Dictionary<string, object>
            {
                ["faces"] = index.Index.Count,
                ["queries"] = queries,
                ["p50Ms"] = Percentile(total, 0.50),
                ["p95Ms"] = Percentile(total, 0.95),
                ["detectMs"] = Percentile(describe, 0.50),
                ["matchMs"] = Percentile(match, 0.50),
                ["matchP95Ms"] = Percentile(match, 0.95),
                ["enrolledAtRank1"] = found,
                ["fillSeconds"] = Math.Round(fillSeconds, 1),
                ["cores"] = Environment.ProcessorCount,
            };
            Console.WriteLine(JsonSerializer.Serialize(figures));
            return 0;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<float[]> DescribeAsync(IServiceProvider services, byte[] photo)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new DetectFaces(photo, WithDescriptors: true));
        return result.Faces[0].Descriptor!;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return Math.Round(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)], 2);
    }

    private static int Option(string[] args, string name, int fallback) =>
        args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).FirstOrDefault(fallback);
}

/// <summary>The real host, in-process, on SQLite in a folder of its own, workers off.</summary>
internal sealed class SearchHost(string root, string dataDir) : WebApplicationFactory<host::Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseContentRoot(root);
        builder.UseSetting("ConnectionStrings:Postgres", "");
        builder.UseSetting("LunaPoint:DataDir", dataDir);
        builder.UseSetting("LunaPoint:ModelsDir", Path.Combine(root, "models"));
        builder.UseSetting("LunaPoint:AdminPassword", "Benchmark-Admin-Pass-1");
        builder.UseSetting("Modules:Detection:Workers:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    /// <summary>Polls /health/ready until the models are loaded and migrations ran.</summary>
    public async Task WaitUntilReadyAsync()
    {
        using var client = CreateClient();
        for (var deadline = DateTime.UtcNow.AddMinutes(3); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            using var response = await client.GetAsync("/health/ready");
            if (response.IsSuccessStatusCode)
            {
                return;
            }
        }

        throw new TimeoutException("The host did not become ready in 3 minutes.");
    }
}
