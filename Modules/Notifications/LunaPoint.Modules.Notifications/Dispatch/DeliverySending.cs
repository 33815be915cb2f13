using LunaPoint.Modules.Notifications.Data;
using LunaPoint.Modules.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Notifications.Dispatch;

/// <summary>One claimed row from the send to its recorded outcome. Never throws.</summary>
internal sealed partial class DeliverySending(
    IServiceScopeFactory scopes, RecentAlerts recent, DeliveryOutcomes outcomes, DispatchMetrics metrics, IOptions<NotificationsOptions> options, TimeProvider clock, ILogger<DeliverySending> logger)
{
    public async Task SendAsync(Delivery row, CancellationToken sends)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var started = clock.GetTimestamp();
        Exception? failure = null;
        try
        {
            await SendOnceAsync(scope.ServiceProvider, db, row, sends);
        }
        catch (OperationCanceledException) when (sends.IsCancellationRequested)
        {
            // Shutdown ran out of time for this send: hand the row back so the next start sends it at once.
            await ReleaseAsync(db, row);
            return;
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        metrics.Took(row.Channel, clock.GetElapsedTime(started));
        try
        {
            await RecordAsync(db, row, failure, sends);
        }
        catch (Exception ex)
        {
            // The row stays claimed; its lease runs out and it is tried again (the receiver de-duplicates by its id).
            LogNotRecorded(ex, row.Id);
        }
    }

    private async Task SendOnceAsync(IServiceProvider services, NotificationsDbContext db, Delivery row, CancellationToken sends)
    {
        // A send never outlives its claim: past the lease another dispatcher may take the row.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(sends);
        limit.CancelAfter(TimeSpan.FromSeconds(Math.Max(options.Value.Dispatch.LeaseSeconds * 0.9, 1)));
        var sender = services.GetServices<IChannelSender>().First(s => s.Channel == row.Channel);
        var alert = recent.TryGet(row.AlertId, out var known) ? known
            : await db.Alerts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == row.AlertId, limit.Token)
            ?? throw new DeliveryFailedException("The alert no longer exists.", permanent: true);
        try
        {
            await sender.SendAsync(row, alert, limit.Token);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !sends.IsCancellationRequested)
        {
            throw new DeliveryFailedException($"The {row.Channel.ToString().ToLowerInvariant()} send did not finish within the claim's lease.");
        }
    }

    private async Task RecordAsync(NotificationsDbContext db, Delivery row, Exception? failure, CancellationToken sends)
    {
        if (failure is null)
        {
            if (await outcomes.SentAsync(db, row, sends))
            {
                metrics.Sent(row.Channel);
            }
            else
            {
                LogTakenOver(row.Id);
            }

            return;
        }

        metrics.Failed(row.Channel);
        var status = await outcomes.FailedAsync(db, row, failure, sends);
        if (status == DeliveryStatus.Dead)
        {
            metrics.Dead(row.Channel);
            LogDead(row.Id, row.Channel, ErrorText.Of(failure));
        }
        else if (status is null)
        {
            LogTakenOver(row.Id);
        }
        else
        {
            LogFailed(row.Id, row.Channel, row.Attempts + 1, ErrorText.Of(failure));
        }
    }

    private async Task ReleaseAsync(NotificationsDbContext db, Delivery row)
    {
        try
        {
            using var brief = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await OutboxClaims.ReleaseAsync(db, row.Id, row.ClaimedBy!, brief.Token);
        }
        catch (Exception ex)
        {
            LogNotRecorded(ex, row.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} ({Channel}) failed, attempt {Attempts}; will retry: {Error}")]
    private partial void LogFailed(Guid deliveryId, ChannelType channel, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} ({Channel}) is a dead letter: {Error}")]
    private partial void LogDead(Guid deliveryId, ChannelType channel, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} was claimed by another dispatcher after this one's lease ran out; its outcome here is not recorded")]
    private partial void LogTakenOver(Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outcome of delivery {DeliveryId} could not be recorded; it is tried again when its lease ends")]
    private partial void LogNotRecorded(Exception exception, Guid deliveryId);
}
