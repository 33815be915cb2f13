using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace LunaPoint.Tests.Modules.Detection.Webhooks;

internal sealed record ReceivedPart(string Name, string? FileName, string? ContentType, byte[] Body);

internal sealed record ReceivedRequest(string PathAndQuery, string? Delivery, string? UserAgent, string? Authorization, IReadOnlyList<ReceivedPart> Parts);

/// <summary>
/// A real HTTP receiver on a loopback address (Kestrel) that records every request and answers as told:
/// a status code per request (by its index), or <see cref="Hang"/> to keep the request open until the
/// client gives up.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    public const int Hang = -1;

    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Func<int, int> _answer;
    private WebApplication _app = null!;
    private int _count;
    private int _open;

    private WebhookReceiver(Func<int, int> answer) => _answer = answer;

    public string Url { get; private set; } = "";

    public IReadOnlyList<ReceivedRequest> Requests => _requests.ToArray();

    /// <summary>Requests being answered right now (a hanging one stays open until the client gives up).</summary>
    public int Open => Volatile.Read(ref _open);

    public static async Task<WebhookReceiver> StartAsync(string address = "127.0.0.1", int port = 0, Func<int, int>? answer = null)
    {
        var receiver = new WebhookReceiver(answer ?? (_ => StatusCodes.Status204NoContent));
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(IPAddress.Parse(address), port));
        receiver._app = builder.Build();
        receiver._app.Run(receiver.HandleAsync);
        await receiver._app.StartAsync();
        var bound = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Url = $"{bound}/hook";
        return receiver;
    }

    /// <summary>A port nothing listens on (just released by the system).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var answer = _answer(Interlocked.Increment(ref _count) - 1);
        Interlocked.Increment(ref _open);
        try
        {
            var headers = context.Request.Headers;
            _requests.Enqueue(new ReceivedRequest(
                context.Request.Path + context.Request.QueryString, headers["X-LunaPoint-Delivery"], headers.UserAgent, headers.Authorization, await PartsAsync(context.Request)));
            if (answer == Hang)
            {
                using var gone = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
                await Task.Delay(Timeout.Infinite, gone.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            }

            context.Response.StatusCode = answer;
        }
        finally
        {
            Interlocked.Decrement(ref _open);
        }
    }

    private static async Task<IReadOnlyList<ReceivedPart>> PartsAsync(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var parts = new List<ReceivedPart>();
        var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(type.Boundary).Value!, request.Body);
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            using var body = new MemoryStream();
            await section.Body.CopyToAsync(body);
            parts.Add(new ReceivedPart(
                HeaderUtilities.RemoveQuotes(disposition.Name).Value!, HeaderUtilities.RemoveQuotes(disposition.FileName).Value, section.ContentType, body.ToArray()));
        }

        return parts;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
