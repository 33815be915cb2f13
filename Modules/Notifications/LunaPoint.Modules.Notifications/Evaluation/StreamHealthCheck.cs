using LunaPoint.Modules.Notifications.Data;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Modules.Streams.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Modules.Notifications.Evaluation;

/// <summary>
/// One look of <see cref="StreamHealthWatcher"/> at the streams: the episodes it keeps between looks, the
/// alert history of episodes it opens (a restart does not alert an outage twice), and the alerts due.
/// Apart from the watcher so a test can give it streams and times, and start it afresh as a restart does.
/// </summary>
internal sealed class StreamHealthCheck(DateTimeOffset watchingSince, TimeSpan staleAfter, string timeZone)
{
    private readonly StreamEpisodes _episodes = new(watchingSince, staleAfter);

    public async Task RunAsync(IServiceProvider services, RuleSnapshot snapshot, IReadOnlyList<StreamHealth> streams, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var streamRules = snapshot.Rules.Where(r => r.Trigger is AlertTrigger.StreamDown or AlertTrigger.StreamUp).ToList();
        var opening = streamRules.Any(r => r.Trigger == AlertTrigger.StreamDown) ? _episodes.Opening(streams, now) : [];
        var alreadyAlerted = opening.Count == 0 ? null
            : await StreamAlertHistory.AlreadyAlertedAsync(services.GetRequiredService<NotificationsDbContext>(), opening, cancellationToken);
        var (down, up) = _episodes.Observe(streams, streamRules, now, alreadyAlerted);
        if (down.Count + up.Count == 0)
        {
            return;
        }

        var writer = services.GetRequiredService<AlertWriter>();
        var context = new AlertContext(now, timeZone);
        foreach (var due in down)
        {
            if (await RaiseAsync(writer, snapshot, due, SystemAlerts.StreamDown(due.Rule, due.Stream, due.DownSince, context), context, cancellationToken))
            {
                _episodes.Fired(due.Stream.Id, due.Rule.Id);
            }
        }

        foreach (var due in up)
        {
            // The episode is over: a recovery skipped now (paused, off schedule) is not raised later.
            await RaiseAsync(writer, snapshot, due, SystemAlerts.StreamUp(due.Rule, due.Stream, due.DownSince, context), context, cancellationToken);
        }
    }

    /// <summary>False when the alert is not decided yet (paused or off schedule): ask again at the next look.</summary>
    private static async Task<bool> RaiseAsync(AlertWriter writer, RuleSnapshot snapshot, StreamAlertDue due, Alert alert, AlertContext context, CancellationToken cancellationToken)
    {
        if (snapshot.IsPaused(context.Now) || !Conditions.InSchedule(due.Rule.Conditions.Schedule, context.Now, context.ScheduleZone(due.Rule)))
        {
            return false;
        }

        // Raised or cooled down, the rule is done with this episode.
        await writer.RaiseAsync(due.Rule, alert, $"stream:{due.Stream.Id}", cancellationToken);
        return true;
    }
}
