using LunaPoint.Modules.Streams.Contracts;
using LunaPoint.SharedKernel.Hosting;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Modules.Detection.Workers;

/// <summary>
/// Starts the workers of streams already enabled when the host starts, and every
/// <c>Modules:Detection:Workers:ReconcileSeconds</c> (default 10) brings the workers in line with the
/// streams again (ADR 0006: facts act at once, this makes the effect independent of their delivery).
/// On shutdown it stops every worker and waits for it, so no ffmpeg outlives the host.
/// </summary>
internal sealed class StreamSupervisor(BackgroundWork work, StreamWorkerHost workers, IConfiguration configuration) : PeriodicBackgroundService(work)
{
    protected override string Name => "Detection stream supervisor";

    protected override TimeSpan Period => TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Modules:Detection:Workers:ReconcileSeconds", 10)));

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var streams = await services.GetRequiredService<ISender>().Send(new GetStreamsToAnalyse(), cancellationToken);
        await workers.ReconcileAsync(streams, cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await workers.StopAllAsync();
    }
}
