using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using LunaPoint.Benchmarks.Ingest;
using LunaPoint.Modules.Events.Contracts;
using LunaPoint.Modules.Notifications.Data;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Modules.Notifications.Evaluation;
using Mediator;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LunaPoint.Benchmarks.Alerts;

/// <summary>
/// <c>-- alerts</c>: time from a <c>WatchlistMatched</c> fact to the alert accepted by a loopback SMTP server,
/// by a loopback stand-in of the Telegram Bot API, and received by a SignalR client of the live feed, at a
/// steady rate, through the real host on PostgreSQL (rule evaluation, outbox, dispatcher, senders). Every
/// fact names a different person, so no cooldown applies. Prints one JSON line.
/// </summary>
internal static class AlertsCommand
{
    public const string Usage = """
        usage: dotnet run -c Release --project LunaPoint.Benchmarks -- alerts
                 [--rate R (100) alerts per second] [--seconds S (30)] [--postgres CONNECTION (default: a throwaway cluster)]
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        int rate = 100, seconds = 30;
        string? postgres = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--rate": rate = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--postgres": postgres = Value(); break;
                default: Console.Error.WriteLine($"alerts: unknown option '{args[i]}'\n{Usage}"); return 2;
            }
        }

        var repo = IngestCommand.RepoRoot();
        await using var cluster = postgres is null ? await ThrowawayPostgres.StartAsync() : null;
        var admin = postgres ?? cluster!.ConnectionString;
        var database = "lunapoint_alerts_" + Guid.NewGuid().ToString("N")[..8];
        await IngestCommand.ExecuteAsync(admin, $"CREATE DATABASE \"{database}\"");
        var connection = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
        var dataDir = Directory.CreateTempSubdirectory("lunapoint-alerts-data-").FullName;
        Arrivals mail = new(), telegram = new(), live = new();
        await using var smtp = new LoopbackSmtp(mail);
        await using var bot = await TelegramStandIn.StartAsync(telegram);
        var settings = new Dictionary<string, string>
        {
            ["LunaPoint:Notifications:Smtp:Host"] = "127.0.0.1",
            ["LunaPoint:Notifications:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["LunaPoint:Notifications:Smtp:Security"] = "None",
            ["LunaPoint:Notifications:Smtp:From"] = "lunapoint@lunapoint.test",
            ["LunaPoint:Notifications:Telegram:BotToken"] = "123456:bench-token",
            ["LunaPoint:Notifications:Telegram:ApiBaseUrl"] = bot.BaseUrl,
            // The stand-in is a self-hosted Bot API server: Telegram's own 1/s per chat and 30/s overall do not apply.
            ["LunaPoint:Notifications:Telegram:PerChatPerSecond"] = "100000",
            ["LunaPoint:Notifications:Telegram:GlobalPerSecond"] = "100000",
        };
        try
        {
            await using var host = new AlertsBenchHost(repo, connection, dataDir, settings);
            var baseUrl = await host.StartKestrelAsync();
            await AddRuleAsync(host);
            await using var hub = await ConnectLiveAsync(host, baseUrl, live);
            var result = await RunAsync(host, rate, seconds, mail, telegram, live);
            Console.WriteLine(JsonSerializer.Serialize(result));
            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await IngestCommand.ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static async Task<Dictionary<string, object>> RunAsync(AlertsBenchHost host, int rate, int seconds, Arrivals mail, Arrivals telegram, Arrivals live)
    {
        var total = rate * seconds;
        var crop = BenchShots.FromPhoto(Path.Combine(IngestCommand.RepoRoot(), ".cache", "test-media", "astronaut.png")).FaceJpeg;
        var published = new long[total];
        var clock = Stopwatch.StartNew();
        var publishing = new List<Task>(total);
        for (var seq = 0; seq < total; seq++)
        {
            var due = TimeSpan.FromSeconds(seq / (double)rate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            var n = seq;
            publishing.Add(Task.Run(async () =>
            {
                published[n] = Stopwatch.GetTimestamp();
                await using var scope = host.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IPublisher>().Publish(Fact(n, crop));
            }));
        }

        await Task.WhenAll(publishing);
        var publishSeconds = clock.Elapsed.TotalSeconds;
        // Wait for every channel to have everything, or for 30 s without progress.
        var lastProgress = Stopwatch.StartNew();
        var seen = -1;
        while (mail.Count + telegram.Count + live.Count < 3 * total && lastProgress.Elapsed < TimeSpan.FromSeconds(30))
        {
            var now = mail.Count + telegram.Count + live.Count;
            if (now != seen)
            {
                seen = now;
                lastProgress.Restart();
            }

            await Task.Delay(50);
        }

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var alerts = await db.Alerts.CountAsync();
        var byStatus = await db.Deliveries.GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var result = new Dictionary<string, object>
        {
            ["rate"] = rate, ["seconds"] = seconds, ["facts"] = total, ["publishSeconds"] = Math.Round(publishSeconds, 2), ["alerts"] = alerts,
            ["outbox"] = byStatus.ToDictionary(s => s.Key.ToString().ToLowerInvariant(), s => s.Count),
        };
        foreach (var (name, arrivals) in new[] { ("email", mail), ("telegram", telegram), ("signalr", live) })
        {
            var latencies = arrivals.All.Where(a => a.Seq < total).Select(a => Stopwatch.GetElapsedTime(published[a.Seq], a.At).TotalMilliseconds).Order().ToArray();
            result[name] = new Dictionary<string, object>
            {
                ["received"] = latencies.Length, ["lost"] = total - latencies.Length, ["duplicates"] = arrivals.Duplicates,
                ["p50Ms"] = Math.Round(Percentile(latencies, 0.50), 1), ["p95Ms"] = Math.Round(Percentile(latencies, 0.95), 1),
                ["p99Ms"] = Math.Round(Percentile(latencies, 0.99), 1), ["maxMs"] = Math.Round(latencies.LastOrDefault(), 1),
            };
        }

        // Where the time goes: fact → alert committed (evaluation), alert → outbox row sent (dispatch).
        var raised = await db.Alerts.Select(a => new { a.Id, a.OccurredAt, a.CreatedAt }).ToListAsync();
        result["factToAlertMs"] = Stages(raised.Select(a => (a.CreatedAt - a.OccurredAt).TotalMilliseconds));
        var createdAt = raised.ToDictionary(a => a.Id, a => a.CreatedAt);
        var sent = await db.Deliveries.Where(d => d.SentAt != null).Select(d => new { d.AlertId, d.Channel, d.SentAt }).ToListAsync();
        result["alertToSentMs"] = sent.GroupBy(d => d.Channel).ToDictionary(
            g => g.Key.ToString().ToLowerInvariant(), g => Stages(g.Select(d => (d.SentAt!.Value - createdAt[d.AlertId]).TotalMilliseconds)));
        result["database"] = "postgres";
        return result;
    }

    private static WatchlistMatched Fact(int seq, byte[] crop)
    {
        var name = $"bench-{seq:D6}";
        var shot = new EventShot(Guid.NewGuid(), Guid.NewGuid(), "Front door", "Main entrance", Guid.NewGuid(), DateTimeOffset.UtcNow,
            crop, 0.9, 35, "male", null, null);
        return new WatchlistMatched(shot, [new MatchedFace(Guid.NewGuid(), name, null, Guid.NewGuid(), "Staff", "#2f80ed", Notify: true, Similarity: 0.93)]);
    }

    private static async Task AddRuleAsync(AlertsBenchHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var now = DateTimeOffset.UtcNow;
        db.Rules.Add(new NotificationRule
        {
            Id = Guid.NewGuid(), Name = "bench", Enabled = true, Trigger = AlertTrigger.WatchlistMatch, CooldownSeconds = 0, CreatedAt = now, UpdatedAt = now,
            Channels =
            [
                new ChannelSpec { Type = ChannelType.Console },
                new ChannelSpec { Type = ChannelType.Email, Recipients = ["security@lunapoint.test"] },
                new ChannelSpec { Type = ChannelType.Telegram, ChatIds = ["1001"] },
            ],
        });
        await db.SaveChangesAsync();
        host.Services.GetRequiredService<RuleCache>().Invalidate();
    }

    private static async Task<HubConnection> ConnectLiveAsync(AlertsBenchHost host, string baseUrl, Arrivals live)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var response = await client.PostAsync("/api/v1/auth/token", System.Net.Http.Json.JsonContent.Create(new { userName = "admin", password = AlertsBenchHost.AdminPassword }));
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var hub = new HubConnectionBuilder()
            .WithUrl($"{baseUrl}/api/v1/alerts/live", o => o.AccessTokenProvider = () => Task.FromResult(token))
            .Build();
        hub.On<JsonElement>("alertRaised", alert => live.Seen(alert.GetRawText()));
        await hub.StartAsync();
        return hub;
    }

    private static Dictionary<string, double> Stages(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        return new() { ["p50"] = Math.Round(Percentile(sorted, 0.50), 1), ["p95"] = Math.Round(Percentile(sorted, 0.95), 1) };
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
