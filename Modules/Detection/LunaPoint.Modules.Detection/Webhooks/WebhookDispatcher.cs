using LunaPoint.Modules.Detection.Data;
using LunaPoint.SharedKernel.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Detection.Webhooks;

/// <summary>
/// Sends the outbox to the receivers, apart from the stream workers so a slow or dead receiver never
/// stalls video. Each round claims as many due rows as there are free slots (<see cref="WebhookOptions.MaxParallel"/>,
/// at most half of them per receiver), starts their POSTs, and waits for whichever comes first: a poke from
/// the outbox, a POST finishing, the next row falling due, or the poll interval.
/// </summary>
internal sealed class WebhookDispatcher(
    BackgroundWork work, IServiceScopeFactory scopes, WebhookSignal signal, WebhookDelivering delivering, IOptions<WebhookOptions> options)
    : ResilientBackgroundService(work)
{
    private readonly List<Task> _inFlight = [];

    // Rounds run back to back, each in a scope of its own (a fresh DbContext); the wait is inside the round.
    protected override TimeSpan? Interval => TimeSpan.Zero;

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var clock = Work.Clock;
        var db = services.GetRequiredService<DetectionDbContext>();
        signal.Clear();
        _inFlight.RemoveAll(t => t.IsCompleted);

        var now = clock.GetUtcNow();
        var free = settings.MaxParallel - _inFlight.Count;
        var take = Math.Min(free, settings.BatchSize);
        var (claimed, found) = take > 0 ? await ClaimAsync(db, now, take, settings, cancellationToken) : ([], 0);
        foreach (var delivery in claimed)
        {
            _inFlight.Add(Task.Run(() => delivering.DeliverAsync(scopes, delivery, cancellationToken), CancellationToken.None));
        }

        if (take > 0 && found == take)
        {
            // More may be due: claim again at once (receivers that just got their share are left out then);
            // with no slot left, the next round waits for one.
            return;
        }

        var wait = settings.PollInterval;
        if (_inFlight.Count < settings.MaxParallel)
        {
            var closed = delivering.Gate.Closed(now);
            foreach (var at in new[] { await WebhookClaims.NextDueAsync(db, closed, cancellationToken), delivering.Gate.NextOpening() })
            {
                if (at is { } due && due - now < wait)
                {
                    // A row still due here is locked by another host's claim: look again shortly, not at once.
                    wait = due > now ? due - now : TimeSpan.FromMilliseconds(200);
                }
            }
        }

        await WaitAsync(wait, cancellationToken);
    }

    private async Task<(List<DueDelivery> Leased, int Found)> ClaimAsync(DetectionDbContext db, DateTimeOffset now, int take, WebhookOptions settings, CancellationToken cancellationToken)
    {
        var gate = delivering.Gate;
        var admitted = new List<string>();
        try
        {
            return await WebhookClaims.ClaimAsync(
                db, now, take, gate.Closed(now), url => gate.TryStart(url, now) && Admitted(admitted, url), now + settings.Timeout + TimeSpan.FromMinutes(1), cancellationToken);
        }
        catch
        {
            // Nothing was leased: the receivers' slots go back, or they would stay taken for good.
            admitted.ForEach(gate.Release);
            throw;
        }
    }

    private static bool Admitted(List<string> admitted, string url)
    {
        admitted.Add(url);
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await base.ExecuteAsync(stoppingToken);
        // Stopping: POSTs in flight were cancelled with the same token; let them record what they can.
        await Task.WhenAll(_inFlight);
    }

    private async Task WaitAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var wakers = new List<Task>(_inFlight.Count + 2) { signal.WaitAsync(stop.Token), Task.Delay(wait, Work.Clock, stop.Token) };
        wakers.AddRange(_inFlight);
        await Task.WhenAny(wakers);
        await stop.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }
}
