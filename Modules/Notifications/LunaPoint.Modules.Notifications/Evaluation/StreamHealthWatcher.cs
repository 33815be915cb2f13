using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Modules.Streams.Contracts;
using LunaPoint.SharedKernel.Hosting;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Notifications.Evaluation;

/// <summary>
/// Camera health through the same rules as faces: asks Streams for every stream's status every
/// <see cref="EvaluationOptions.StreamHealthPollSeconds"/> and raises <c>streamDown</c> once per down episode
/// and <c>streamUp</c> when frames flow again (<see cref="StreamEpisodes"/>). Level-triggered: it needs no
/// fact, so a lost status change only delays an alert by one poll. Nothing is raised while alerts are paused
/// or outside a rule's schedule; a stream still down when that ends alerts then.
/// </summary>
internal sealed class StreamHealthWatcher(BackgroundWork work, RuleCache rules, IOptions<NotificationsOptions> options)
    : PeriodicBackgroundService(work)
{
    private readonly StreamEpisodes _episodes = new(
        work.Clock.GetUtcNow(), TimeSpan.FromSeconds(options.Value.Evaluation.StaleFrameSeconds));

    protected override string Name => "Stream health watcher";

    protected override TimeSpan Period => TimeSpan.FromSeconds(Math.Max(0.1, options.Value.Evaluation.StreamHealthPollSeconds));

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var snapshot = await rules.GetAsync(cancellationToken);
        var streamRules = snapshot.Rules.Where(r => r.Trigger is AlertTrigger.StreamDown or AlertTrigger.StreamUp).ToList();
        var streams = await services.GetRequiredService<ISender>().Send(new GetStreamHealth(), cancellationToken);
        var now = Work.Clock.GetUtcNow();
        var (down, up) = _episodes.Observe(streams, streamRules, now);
        if (down.Count + up.Count == 0)
        {
            return;
        }

        var writer = services.GetRequiredService<AlertWriter>();
        var context = new AlertContext(now, options.Value.TimeZone);
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

    /// <summary>False when the alert is not decided yet (paused or off schedule): ask again at the next poll.</summary>
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
