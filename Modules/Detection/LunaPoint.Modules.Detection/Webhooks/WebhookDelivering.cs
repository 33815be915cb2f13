using LunaPoint.Modules.Detection.Data;
using LunaPoint.SharedKernel.Hosting;
using LunaPoint.SharedKernel.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Detection.Webhooks;

/// <summary>One claimed delivery from POST to the recorded outcome: delivered, retried later with backoff, or given up.</summary>
internal sealed partial class WebhookDelivering(
    WebhookSender sender, WebhookMetrics metrics, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookDelivering> logger)
{
    /// <summary>2 s after the first failure, doubling to 5 min, up to 20% shorter at random so receivers coming back are not hit in step.</summary>
    public static readonly RetryPolicy Backoff = new(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(5));

    public ReceiverGate Gate { get; } = new(options.Value.MaxParallelPerReceiver);

    /// <summary>Never throws: a failure to record leaves the row leased, and it is retried when the lease ends.</summary>
    public async Task DeliverAsync(IServiceScopeFactory scopes, DueDelivery delivery, CancellationToken cancellationToken)
    {
        DateTimeOffset? pauseUntil = null;
        try
        {
            var error = await sender.PostAsync(delivery, cancellationToken);
            pauseUntil = await RecordAsync(scopes, delivery, error, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogNotRecorded(ex, delivery.Id);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the lease hands the row back later.
        }
        finally
        {
            Gate.Finished(delivery.Url, pauseUntil);
        }
    }

    /// <returns>Until when the receiver should rest after a failure; null after a success.</returns>
    private async Task<DateTimeOffset?> RecordAsync(IServiceScopeFactory scopes, DueDelivery delivery, string? error, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DetectionDbContext>();
        var row = await db.WebhookDeliveries.SingleAsync(d => d.Id == delivery.Id, cancellationToken);
        var now = clock.GetUtcNow();
        row.Attempts++;
        DateTimeOffset? pauseUntil = null;
        if (error is null)
        {
            row.DeliveredAt = now;
            metrics.Sent.Add(1);
        }
        else
        {
            row.LastError = error;
            metrics.Failed.Add(1);
            if (now >= row.CreatedAt + options.Value.GiveUpAfter)
            {
                row.GaveUpAt = now;
                metrics.GivenUp.Add(1);
                LogGaveUp(row.Id, SecretMasking.MaskUrl(row.Url), row.Attempts, error);
            }
            else
            {
                row.NextAttemptAt = now + Backoff.DelayAfter(row.Attempts, Random.Shared);
                pauseUntil = row.NextAttemptAt;
                LogFailed(row.Id, row.Attempts, (row.NextAttemptAt - now).TotalSeconds, error);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return pauseUntil;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook delivery {DeliveryId} failed (attempt {Attempts}); retrying in {DelaySeconds:0.0} s: {Error}")]
    private partial void LogFailed(Guid deliveryId, int attempts, double delaySeconds, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up webhook delivery {DeliveryId} to {Url} after {Attempts} attempts: {Error}")]
    private partial void LogGaveUp(Guid deliveryId, string url, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outcome of webhook delivery {DeliveryId} could not be recorded; it is retried when its lease ends")]
    private partial void LogNotRecorded(Exception exception, Guid deliveryId);
}
