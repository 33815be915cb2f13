using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Ingestion;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LunaPoint.Benchmarks.Ingest;

/// <summary>
/// <c>-- ingest</c>: sustained event ingestion into PostgreSQL through the real host. Publishers stand in
/// for stream workers (a First shot per track, an Update for every fifth, then the track's end); the run
/// lasts until every shot is written. Also times the start-up index load of the seeded gallery.
/// Prints one JSON line.
/// </summary>
internal static class IngestCommand
{
    public const string Usage = """
        usage: dotnet run -c Release --project LunaPoint.Benchmarks -- ingest
                 [--events N (20000)] [--faces F (1000): watchlist faces seeded by COPY, loaded at start]
                 [--publishers P (4)] [--postgres CONNECTION (default: a throwaway cluster)] [--batch B (100)]
          --events 0 only seeds the gallery and times its load (e.g. --faces 1000000)
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        int events = 20_000, faces = 1000, publishers = 4, batch = 100;
        string? postgres = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--events": events = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--faces": faces = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--publishers": publishers = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--batch": batch = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--postgres": postgres = Value(); break;
                default: Console.Error.WriteLine($"ingest: unknown option '{args[i]}'\n{Usage}"); return 2;
            }
        }

        var repo = RepoRoot();
        await using var cluster = postgres is null ? await ThrowawayPostgres.StartAsync() : null;
        var admin = postgres ?? cluster!.ConnectionString;
        var database = "lunapoint_ingest_" + Guid.NewGuid().ToString("N")[..8];
        await ExecuteAsync(admin, $"CREATE DATABASE \"{database}\"");
        var connection = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
        var dataDir = Directory.CreateTempSubdirectory("lunapoint-ingest-data-").FullName;
        var settings = new Dictionary<string, string> { ["LunaPoint:Events:Ingestion:BatchSize"] = batch.ToString(CultureInfo.InvariantCulture) };
        try
        {
            await using (var migrate = new BenchHost(repo, connection, dataDir, settings))
            {
                await migrate.StartAsync(CancellationToken.None);
            }

            var copy = Stopwatch.StartNew();
            await GallerySeed.CopyAsync(connection, faces, seed: 1, CancellationToken.None);
            var copySeconds = copy.Elapsed.TotalSeconds;
            await using var host = new BenchHost(repo, connection, dataDir, settings);
            var loadSeconds = await host.StartAsync(CancellationToken.None);
            var result = new Dictionary<string, object>
            {
                ["galleryFaces"] = faces, ["galleryCopySeconds"] = Math.Round(copySeconds, 2), ["indexLoadSeconds"] = Math.Round(loadSeconds, 2),
            };
            if (events > 0)
            {
                foreach (var (key, value) in await IngestAsync(host, repo, events, faces, publishers))
                {
                    result[key] = value;
                }
            }

            Console.WriteLine(JsonSerializer.Serialize(result));
            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static async Task<Dictionary<string, object>> IngestAsync(BenchHost host, string repo, int events, int faces, int publishers)
    {
        var shots = BenchShots.FromPhoto(Path.Combine(repo, ".cache", "test-media", "astronaut.png"));
        // The gallery's own descriptors (same seed), so every tenth track is a near-duplicate that matches.
        var galleryRandom = new Random(1);
        var gallery = Enumerable.Range(0, Math.Min(faces, 1000)).Select(_ => BenchShots.RandomDescriptor(galleryRandom)).ToArray();
        // Real (disabled) streams matching every list: shots of a stream that does not exist are not matched.
        var streams = new Guid[8];
        for (var i = 0; i < streams.Length; i++)
        {
            await using var streamScope = host.Services.CreateAsyncScope();
            var created = await streamScope.ServiceProvider.GetRequiredService<ISender>().Send(new LunaPoint.Modules.Streams.Features.CreateStream(
                new LunaPoint.Modules.Streams.Features.StreamRequest($"bench {i}", "rtsp", $"rtsp://127.0.0.1:8554/bench{i}", Enabled: false)));
            streams[i] = created.Id;
        }

        var updates = events / 5;
        var metrics = host.Services.GetRequiredService<IngestionMetrics>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, publishers).Select(p => Task.Run(async () =>
        {
            var random = new Random(100 + p);
            for (var t = p; t < events; t += publishers)
            {
                var track = Guid.NewGuid();
                var stream = streams[t % streams.Length];
                var started = DateTimeOffset.UtcNow;
                var descriptor = t % 10 == 0 && gallery.Length > 0 ? Near(gallery[t / 10 % gallery.Length], random) : BenchShots.RandomDescriptor(random);
                await PublishAsync(host, shots.Shot(stream, track, BestShotKind.First, started, descriptor));
                if (t % 5 == 0)
                {
                    await PublishAsync(host, shots.Shot(stream, track, BestShotKind.Update, started, descriptor));
                }

                await PublishAsync(host, new FaceTrackEnded(stream, track, started, DateTimeOffset.UtcNow, t % 5 == 0 ? 2 : 1));
            }
        })));
        var total = events + updates;
        while (metrics.Written + metrics.Dropped + metrics.Failed < total)
        {
            await Task.Delay(10);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        var stored = await db.Events.CountAsync();
        var matched = await db.Events.CountAsync(e => e.TopFaceId != null);
        var batches = metrics.RecentBatchMilliseconds().Order().ToArray();
        return new Dictionary<string, object>
        {
            ["events"] = stored, ["shots"] = total, ["seconds"] = Math.Round(seconds, 2),
            ["eventsPerSecond"] = Math.Round(stored / seconds, 1), ["shotsPerSecond"] = Math.Round(total / seconds, 1),
            ["p50BatchMs"] = Math.Round(Percentile(batches, 0.50), 1), ["p95BatchMs"] = Math.Round(Percentile(batches, 0.95), 1),
            ["batchesSampled"] = batches.Length, ["matchedEvents"] = matched, ["dropped"] = metrics.Dropped, ["publishers"] = publishers,
            ["faceJpegBytes"] = shots.FaceJpeg.Length, ["contextJpegBytes"] = shots.ContextJpeg.Length, ["database"] = "postgres",
        };
    }

    private static async Task PublishAsync<T>(BenchHost host, T fact)
        where T : INotification
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IPublisher>().Publish(fact);
    }

    private static float[] Near(float[] face, Random random)
    {
        var noisy = face.Select(v => v + (float)((random.NextDouble() - 0.5) * 0.02)).ToArray();
        LunaPoint.Modules.Events.Matching.DescriptorCodec.TryNormalise(noisy, out _);
        return noisy;
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    internal static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LunaPoint.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run from inside the LunaPoint repository (LunaPoint.sln not found)");
    }
}
