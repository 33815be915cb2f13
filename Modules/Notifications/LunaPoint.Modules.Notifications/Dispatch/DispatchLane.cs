using LunaPoint.Modules.Notifications.Data;
using LunaPoint.Modules.Notifications.Domain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LunaPoint.Modules.Notifications.Dispatch;

/// <summary>
/// The dispatcher's loop for one channel: claims as many due rows as it has free send slots, starts
/// their sends, and waits for a wake-up, a send finishing, or the poll interval. Lanes share nothing but
/// the database, so a hanging webhook receiver or a dead SMTP server never holds up the console.
/// </summary>
internal sealed partial class DispatchLane(
    ChannelType channel, IServiceScopeFactory scopes, DeliverySending sending, DispatchOptions settings, TimeProvider clock, ILogger logger)
{
    private readonly OutboxSignal _wake = new();
    private readonly List<Task> _inFlight = [];

    public ChannelType Channel => channel;

    public void Wake() => _wake.Wake();

    /// <summary>Runs until <paramref name="stopping"/>; then waits for the sends in flight, which only <paramref name="sends"/> cuts short.</summary>
    public async Task RunAsync(CancellationToken stopping, CancellationToken sends)
    {
        var parallel = Math.Max(settings.ParallelPerChannel, 1);
        while (!stopping.IsCancellationRequested)
        {
            _inFlight.RemoveAll(t => t.IsCompleted);
            var take = Math.Min(parallel - _inFlight.Count, Math.Max(settings.BatchSize, 1));
            var claimed = -1;
            if (take > 0)
            {
                claimed = await ClaimAndStartAsync(take, stopping, sends);
            }

            if (claimed == take)
            {
                continue; // more may be due: claim again at once (or, with no slot left, wait for one below)
            }

            await WaitAsync(stopping);
        }

        await Task.WhenAll(_inFlight);
    }

    private async Task<int> ClaimAndStartAsync(int take, CancellationToken stopping, CancellationToken sends)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            var now = clock.GetUtcNow();
            // A claimant per claim, not per host: a row this host claimed again after its own lease ran out
            // is then still told apart from the first claim, whose late outcome must not be written.
            var claimant = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
            var rows = await OutboxClaims.ClaimAsync(db, channel, claimant[^Math.Min(claimant.Length, 200)..], now, now.AddSeconds(settings.LeaseSeconds), take, stopping);
            foreach (var row in rows)
            {
                _inFlight.Add(Task.Run(() => sending.SendAsync(row, sends), CancellationToken.None));
            }

            return rows.Count;
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            LogClaimFailed(logger, ex, channel);
            return -1;
        }
        catch (OperationCanceledException)
        {
            return -1;
        }
    }

    private async Task WaitAsync(CancellationToken stopping)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var wakers = new List<Task>(_inFlight.Count + 1) { _wake.WaitAsync(TimeSpan.FromSeconds(Math.Max(settings.PollSeconds, 0.01)), stop.Token) };
        wakers.AddRange(_inFlight);
        await Task.WhenAny(wakers);
        await stop.CancelAsync();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Claiming due {Channel} deliveries failed; trying again at the next poll")]
    private static partial void LogClaimFailed(ILogger logger, Exception exception, ChannelType channel);
}
