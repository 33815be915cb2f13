using LunaPoint.Modules.Streams.Contracts;
using LunaPoint.SharedKernel.Hosting;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Notifications.Evaluation;

/// <summary>
/// Camera health through the same rules as faces: asks Streams for every stream's status every
/// <see cref="EvaluationOptions.StreamHealthPollSeconds"/> and raises <c>streamDown</c> once per down episode
/// and <c>streamUp</c> when frames flow again (<see cref="StreamHealthCheck"/>, <see cref="StreamEpisodes"/>).
/// Level-triggered: it needs no fact, so a lost status change only delays an alert by one poll. Nothing is
/// raised while alerts are paused or outside a rule's schedule; a stream still down when that ends alerts then.
/// </summary>
internal sealed class StreamHealthWatcher(BackgroundWork work, RuleCache rules, IOptions<NotificationsOptions> options)
    : PeriodicBackgroundService(work)
{
    private readonly StreamHealthCheck _check = new(
        work.Clock.GetUtcNow(), TimeSpan.FromSeconds(options.Value.Evaluation.StaleFrameSeconds), options.Value.TimeZone);

    protected override string Name => "Stream health watcher";

    protected override TimeSpan Period => TimeSpan.FromSeconds(Math.Max(0.1, options.Value.Evaluation.StreamHealthPollSeconds));

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var snapshot = await rules.GetAsync(cancellationToken);
        var streams = await services.GetRequiredService<ISender>().Send(new GetStreamHealth(), cancellationToken);
        await _check.RunAsync(services, snapshot, streams, Work.Clock.GetUtcNow(), cancellationToken);
    }
}
