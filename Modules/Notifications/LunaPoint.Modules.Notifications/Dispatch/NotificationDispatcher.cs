using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.SharedKernel.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Notifications.Dispatch;

/// <summary>
/// Sends the outbox: one <see cref="DispatchLane"/> per channel that has a sender registered (rows of a
/// channel without one stay pending until it has one), all woken by <see cref="OutboxSignal"/> when
/// AlertWriter commits, and polling for retries and rows other hosts wrote. Stopping ends the claiming at
/// once and gives sends in flight until the host's shutdown timeout; rows a cut-short send held go back.
/// </summary>
internal sealed partial class NotificationDispatcher(
    IServiceScopeFactory scopes, OutboxSignal signal, ModuleDatabases databases, DeliverySending sending,
    IOptions<NotificationsOptions> options, TimeProvider clock, ILogger<NotificationDispatcher> logger) : BackgroundService
{
    private readonly CancellationTokenSource _sends = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await databases.WhenAllMigrated(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        List<ChannelType> channels;
        await using (var scope = scopes.CreateAsyncScope())
        {
            channels = [.. scope.ServiceProvider.GetServices<IChannelSender>().Select(s => s.Channel).Distinct().Order()];
        }

        LogStarted(string.Join(", ", channels));
        var lanes = channels.ConvertAll(c => new DispatchLane(c, scopes, sending, options.Value.Dispatch, clock, logger));
        await Task.WhenAll(lanes.Select(l => Task.Run(() => l.RunAsync(stoppingToken, _sends.Token), CancellationToken.None)).Append(PumpAsync(lanes, stoppingToken)));
    }

    /// <summary>Every lane hears every wake-up (the signal itself wakes one waiter).</summary>
    private async Task PumpAsync(List<DispatchLane> lanes, CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await signal.WaitAsync(Timeout.InfiniteTimeSpan, stoppingToken);
                lanes.ForEach(l => l.Wake());
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // The host's shutdown timeout ending is what cuts the sends in flight short, not the stop itself.
        await using var deadline = cancellationToken.Register(_sends.Cancel);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _sends.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification dispatcher started with lanes for: {Channels}")]
    private partial void LogStarted(string channels);
}
