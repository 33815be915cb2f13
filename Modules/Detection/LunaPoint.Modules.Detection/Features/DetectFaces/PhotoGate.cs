using LunaPoint.SharedKernel.Errors;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Detection.Features;

/// <summary>
/// The host-wide turn for photo work (<see cref="PhotoOptions.MaxConcurrent"/> at once): a decoded photo
/// is large and its detection long, so parallel uploads would otherwise grow memory and CPU without
/// bound. A few may wait briefly; the rest are refused with 503 at once, never left waiting.
/// </summary>
internal sealed class PhotoGate(IOptions<PhotoOptions> options) : IDisposable
{
    /// <summary>Seconds a refused client is told to wait (Retry-After).</summary>
    public const int RetryAfterSeconds = 2;

    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrent, options.Value.MaxConcurrent);
    private int _waiting;

    /// <summary>A turn, released by disposing it; or <see cref="ServiceUnavailableException"/> when the host is busy.</summary>
    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (_slots.Wait(0))
        {
            return new Turn(_slots);
        }

        try
        {
            if (Interlocked.Increment(ref _waiting) > settings.MaxQueued
                || !await _slots.WaitAsync(TimeSpan.FromSeconds(settings.QueueSeconds), cancellationToken))
            {
                throw new ServiceUnavailableException(
                    $"The host is analysing {settings.MaxConcurrent} photos already; try again in a few seconds (LunaPoint:Detection:Photos:MaxConcurrent).");
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        return new Turn(_slots);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Turn(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
