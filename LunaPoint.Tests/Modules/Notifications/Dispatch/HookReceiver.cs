using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Tests.Modules.Notifications.Dispatch;

internal sealed record HookRequest(string? Delivery, string? Signature, string? Timestamp, string? ContentType, byte[] Body);

/// <summary>
/// A real webhook receiver on 127.0.0.1 (Kestrel, port 0): records each request's body bytes and LunaPoint
/// headers and answers as told per request index: a status code, or <see cref="Hang"/> (never answers).
/// </summary>
internal sealed class HookReceiver : IAsyncDisposable
{
    public const int Hang = -1;

    /// <summary>Answers 200 once <see cref="Release"/> is called (a send held in flight).</summary>
    public const int Held = -2;

    private readonly ConcurrentQueue<HookRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<int, int> _answer;
    private readonly string? _retryAfter;
    private WebApplication _app = null!;
    private int _count;
    private int _open;

    private HookReceiver(Func<int, int> answer, string? retryAfter) => (_answer, _retryAfter) = (answer, retryAfter);

    public string Url { get; private set; } = "";

    public IReadOnlyList<HookRequest> Requests => _requests.ToArray();

    public int Open => Volatile.Read(ref _open);

    public static async Task<HookReceiver> StartAsync(Func<int, int>? answer = null, string? retryAfter = null)
    {
        var receiver = new HookReceiver(answer ?? (_ => StatusCodes.Status200OK), retryAfter);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        receiver._app = builder.Build();
        receiver._app.Run(receiver.HandleAsync);
        await receiver._app.StartAsync();
        var bound = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Url = $"{bound}/hook?token=s3cr3t-query";
        return receiver;
    }

    public void Release() => _released.TrySetResult();

    public int CountOf(Guid delivery) => Requests.Count(r => r.Delivery == delivery.ToString());

    private async Task HandleAsync(HttpContext context)
    {
        var answer = _answer(Interlocked.Increment(ref _count) - 1);
        Interlocked.Increment(ref _open);
        try
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var headers = context.Request.Headers;
            _requests.Enqueue(new HookRequest(
                headers["X-LunaPoint-Delivery"], headers["X-LunaPoint-Signature"], headers["X-LunaPoint-Timestamp"], context.Request.ContentType, body.ToArray()));
            if (answer == Hang)
            {
                using var gone = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
                await Task.Delay(Timeout.Infinite, gone.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            }

            if (answer == Held)
            {
                await _released.Task.WaitAsync(_stopping.Token);
                answer = StatusCodes.Status200OK;
            }

            if (_retryAfter is not null && answer is 429 or 503)
            {
                context.Response.Headers.RetryAfter = _retryAfter;
            }

            context.Response.StatusCode = answer;
        }
        finally
        {
            Interlocked.Decrement(ref _open);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
