using LunaPoint.SharedKernel.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Events.Retention;

/// <summary>Runs the retention sweep at start and then every <see cref="RetentionOptions.IntervalMinutes"/> (on the host's TimeProvider).</summary>
internal sealed class RetentionWorker(BackgroundWork work, IOptions<EventsOptions> options) : PeriodicBackgroundService(work)
{
    protected override string Name => "event retention";

    protected override TimeSpan Period => TimeSpan.FromMinutes(Math.Max(1, options.Value.Retention.IntervalMinutes));

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<RetentionSweep>().RunAsync(cancellationToken);
}
