using System.Text;
using LunaPoint.Modules.Detection.Workers;
using LunaPoint.SharedKernel.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Detection.Features;

internal sealed class LiveViewOptions
{
    public const string Section = "LunaPoint:Detection:LiveView";

    /// <summary>Live views open at once on this host; more get 429 (each costs a JPEG per frame drawn).</summary>
    public int MaxViewers { get; set; } = 16;

    /// <summary>A live view ends after this long; the browser reconnects if it still wants it.</summary>
    public int MaxSeconds { get; set; } = 600;

    /// <summary>Frames per second sent to a viewer.</summary>
    public double Fps { get; set; } = 4;
}

/// <summary>
/// A stream's analysed frames as multipart MJPEG (what an &lt;img&gt; shows live), at a few fps. A frame is
/// sent only when a new one was drawn, so a stalled camera sends nothing rather than the same picture.
/// </summary>
internal static class WatchStreamLiveEndpoint
{
    private const string Boundary = "lunapointframe";

    private static readonly byte[] PartEnd = "\r\n"u8.ToArray();

    private static SemaphoreSlim? _viewers;

    public static void Map(RouteGroupBuilder streams) =>
        streams.MapGet("/{id:guid}/live.mjpeg", WatchAsync)
            .WithSummary("Live view of a stream: multipart/x-mixed-replace JPEG frames with boxes and track ids, a few per second")
            .Produces(StatusCodes.Status200OK, contentType: "multipart/x-mixed-replace")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static IResult WatchAsync(Guid id, StreamRuntimes runtimes, IOptions<LiveViewOptions> options, TimeProvider clock)
    {
        var settings = options.Value;
        var runtime = runtimes.Find(id) is { Running: true } running ? running : throw new NotFoundException("Analysis of stream", id);
        var viewers = LazyInitializer.EnsureInitialized(ref _viewers, () => new SemaphoreSlim(Math.Max(1, settings.MaxViewers)));
        if (!viewers.Wait(0))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests, title: "Too many live views",
                detail: $"At most {settings.MaxViewers} live views may be open at once (LunaPoint:Detection:LiveView:MaxViewers).");
        }

        return new MjpegResult(runtime, settings, viewers, clock);
    }

    private sealed class MjpegResult(StreamRuntime runtime, LiveViewOptions settings, SemaphoreSlim viewers, TimeProvider clock) : IResult
    {
        public Task ExecuteAsync(HttpContext http) => StreamAsync(http, runtime, settings, viewers, clock);
    }

    private static async Task StreamAsync(HttpContext http, StreamRuntime runtime, LiveViewOptions settings, SemaphoreSlim viewers, TimeProvider clock)
    {
        try
        {
            http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            http.Response.ContentType = $"multipart/x-mixed-replace; boundary={Boundary}";
            http.Response.Headers.CacheControl = "no-store";
            var ct = http.RequestAborted;
            var interval = TimeSpan.FromSeconds(1 / Math.Clamp(settings.Fps, 0.2, 25));
            var ends = clock.GetTimestamp() + (long)(settings.MaxSeconds * clock.TimestampFrequency);
            byte[]? sent = null;
            while (!ct.IsCancellationRequested && clock.GetTimestamp() < ends)
            {
                runtime.WantPreview(clock);
                if (runtime.Preview is { } jpeg && !ReferenceEquals(jpeg, sent))
                {
                    sent = jpeg;
                    var header = Encoding.ASCII.GetBytes($"--{Boundary}\r\nContent-Type: image/jpeg\r\nContent-Length: {jpeg.Length}\r\n\r\n");
                    await http.Response.Body.WriteAsync(header, ct);
                    await http.Response.Body.WriteAsync(jpeg, ct);
                    await http.Response.Body.WriteAsync(PartEnd, ct);
                    await http.Response.Body.FlushAsync(ct);
                }

                await Task.Delay(interval, clock, ct);
            }
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The viewer went away.
        }
        finally
        {
            viewers.Release();
        }
    }
}
