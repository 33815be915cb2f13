using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace LunaPoint.Benchmarks.Alerts;

/// <summary>When each numbered alert (a face named <c>bench-000123</c>) reached one receiver, and how often.</summary>
internal sealed partial class Arrivals
{
    private readonly ConcurrentDictionary<int, long> _first = new();
    private int _duplicates;

    public int Count => _first.Count;
    public int Duplicates => Volatile.Read(ref _duplicates);

    /// <summary>Records every number named in <paramref name="text"/> (a mail, a Bot API request, an alert name).</summary>
    public void Seen(string text)
    {
        var now = Stopwatch.GetTimestamp();
        foreach (Match match in Numbered().Matches(text).DistinctBy(m => m.Value))
        {
            if (!_first.TryAdd(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), now))
            {
                Interlocked.Increment(ref _duplicates);
            }
        }
    }

    public IEnumerable<(int Seq, long At)> All => _first.Select(p => (p.Key, p.Value));

    [GeneratedRegex(@"bench-(\d{6})")]
    private static partial Regex Numbered();
}

/// <summary>A real SMTP server in process on a loopback port (the SmtpServer package) that times what it accepts.</summary>
internal sealed class LoopbackSmtp : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public LoopbackSmtp(Arrivals arrivals)
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new TimingStore(arrivals));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        await _stop.CancelAsync();
        await Task.WhenAny(_running, Task.Delay(5000));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class TimingStore(Arrivals arrivals) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            arrivals.Seen(Encoding.UTF8.GetString(buffer));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}

/// <summary>A loopback HTTP server standing in for the Telegram Bot API: answers sendPhoto/sendMessage as Telegram does.</summary>
internal sealed class TelegramStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _messageId;

    private TelegramStandIn(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public static async Task<TelegramStandIn> StartAsync(Arrivals arrivals)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new TelegramStandIn(app);
        app.MapPost("/bot{token}/{method}", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            arrivals.Seen(await reader.ReadToEndAsync());
            var id = Interlocked.Increment(ref standIn._messageId);
            return Results.Json(new
            {
                ok = true,
                result = new { message_id = id, date = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), chat = new { id = 1001, type = "private" } },
            });
        });
        await app.StartAsync();
        standIn.BaseUrl = app.Urls.Single().TrimEnd('/');
        return standIn;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
