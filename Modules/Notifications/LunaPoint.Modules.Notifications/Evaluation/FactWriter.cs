using LunaPoint.Modules.Notifications.Data;
using LunaPoint.Modules.Notifications.Live;
using LunaPoint.SharedKernel.Data;
using LunaPoint.SharedKernel.Hosting;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Notifications.Evaluation;

/// <summary>
/// Drains <see cref="FactQueue"/>: evaluates each fact against the rules and raises its alerts through
/// <see cref="AlertWriter"/> (alert + outbox rows in one transaction). A database that refuses is retried
/// with backoff for <see cref="EvaluationOptions.RetryForSeconds"/>; alerts already raised for the fact are
/// not raised again. On shutdown it finishes what is queued for a few seconds; what is left is dropped,
/// logged and counted. A crash loses the facts still queued (at most the few the writer is behind): the
/// events themselves are stored by Events.
/// </summary>
internal sealed partial class FactWriter(
    FactQueue queue, IServiceScopeFactory scopes, ModuleDatabases databases, RuleCache rules, IOptions<NotificationsOptions> options,
    EvaluationMetrics metrics, TimeProvider clock, ILogger<FactWriter> logger) : BackgroundService
{
    private static readonly RetryPolicy Retry = new(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));
    private static readonly TimeSpan DrainFor = TimeSpan.FromSeconds(5);
    private const int MaxBatch = 64;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await databases.WhenAllMigrated(stoppingToken);
            await WarmUpAsync(stoppingToken);
            await foreach (var fact in queue.Reader.ReadAllAsync(stoppingToken))
            {
                // Whatever queued up meanwhile goes in the same transaction: one commit per fact cannot keep
                // up with a busy site, one per batch can. A batch that fails is raised fact by fact.
                var batch = new List<INotification> { fact };
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var more))
                {
                    batch.Add(more);
                }

                if (batch.Count == 1 || !await TryBatchAsync(batch, stoppingToken))
                {
                    foreach (var one in batch)
                    {
                        await HandleAsync(one, retry: true, stoppingToken);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await DrainAsync();
        }
    }

    /// <summary>
    /// The first fact would otherwise pay for building the EF model and loading the rules (seconds on a
    /// cold host): both are done once before the first fact is read. A refusal here is only logged; the
    /// first fact then retries as usual.
    /// </summary>
    private async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            await rules.GetAsync(cancellationToken);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            await db.Alerts.AsNoTracking().AnyAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogWarmUpFailed(ex);
        }
    }

    private async Task DrainAsync()
    {
        queue.Complete();
        using var drain = new CancellationTokenSource(DrainFor);
        while (queue.Reader.TryRead(out var fact))
        {
            if (drain.IsCancellationRequested)
            {
                queue.Drop(fact, "host stopping");
                continue;
            }

            await HandleAsync(fact, retry: false, drain.Token);
        }
    }

    private async Task<bool> TryBatchAsync(List<INotification> batch, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var evaluator = scope.ServiceProvider.GetRequiredService<FactEvaluator>();
            var pending = new List<PendingAlert>();
            foreach (var fact in batch)
            {
                pending.AddRange(await evaluator.EvaluateAsync(fact, cancellationToken));
            }

            var raised = await scope.ServiceProvider.GetRequiredService<AlertWriter>().RaiseManyAsync(pending, cancellationToken);
            foreach (var alert in raised)
            {
                metrics.AlertRaised(AlertMapping.TriggerName(alert.Trigger));
            }

            foreach (var _ in batch)
            {
                queue.Finished();
            }

            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogBatchFailed(ex, batch.Count);
            return false;
        }
    }

    private async Task HandleAsync(INotification fact, bool retry, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        List<PendingAlert>? pending = null;
        for (var failures = 1; ; failures++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                pending ??= [.. await scope.ServiceProvider.GetRequiredService<FactEvaluator>().EvaluateAsync(fact, cancellationToken)];
                var writer = scope.ServiceProvider.GetRequiredService<AlertWriter>();
                while (pending.Count > 0)
                {
                    var next = pending[0];
                    if (await writer.RaiseAsync(next.Rule, next.Alert, next.CooldownSubject, cancellationToken))
                    {
                        metrics.AlertRaised(AlertMapping.TriggerName(next.Alert.Trigger));
                    }

                    pending.RemoveAt(0);
                }

                queue.Finished();
                return;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                if (!retry || clock.GetElapsedTime(started).TotalSeconds >= options.Value.Evaluation.RetryForSeconds)
                {
                    LogGaveUp(ex, fact.GetType().Name, failures);
                    queue.Drop(fact, "database refused");
                    return;
                }

                var wait = Retry.DelayAfter(failures, Random.Shared);
                LogRetrying(ex, fact.GetType().Name, failures, wait.TotalSeconds);
                try
                {
                    await Task.Delay(wait, clock, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    queue.Drop(fact, "host stopping");
                    return;
                }
            }
            catch (Exception)
            {
                // Stopping: what this fact still had to raise is lost, and said so.
                queue.Drop(fact, "host stopping");
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Raising the alerts of {Facts} facts in one transaction failed; raising them one by one")]
    private partial void LogBatchFailed(Exception exception, int facts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Raising the alerts of a {Fact} fact failed ({Failures} in a row); retrying in {DelaySeconds:0.0} s")]
    private partial void LogRetrying(Exception exception, string fact, int failures, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warming up the alert evaluation failed; the first fact will retry")]
    private partial void LogWarmUpFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Raising the alerts of a {Fact} fact failed {Failures} times; giving up")]
    private partial void LogGaveUp(Exception exception, string fact, int failures);
}
