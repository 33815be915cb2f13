using LunaPoint.Modules.Licensing.Contracts;
using LunaPoint.Modules.Streams.Contracts;
using LunaPoint.Modules.Streams.Data;
using LunaPoint.Modules.Streams.Domain;
using LunaPoint.Modules.Streams.Features;
using LunaPoint.SharedKernel.Hosting;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Modules.Streams.Workers;

/// <summary>
/// Level-triggered licence enforcement (ADR 0006): every <c>Modules:Streams:Workers:LicenseCheckSeconds</c>
/// (default 30) it asks Licensing for the licence in force and, when it has expired, pauses the streams
/// still being analysed. The <see cref="LicenseExpired"/> fact does the same at once; this makes the effect
/// independent of that one delivery (a subscriber that failed, a crash between commit and publish).
/// </summary>
internal sealed class LicenseReconciler(BackgroundWork work, IConfiguration configuration) : PeriodicBackgroundService(work)
{
    public const string Reason = "licence expired";

    protected override string Name => "Streams licence reconciler";

    protected override TimeSpan Period => TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Modules:Streams:Workers:LicenseCheckSeconds", 30)));

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var limits = await services.GetRequiredService<ISender>().Send(new GetLicenseLimits(), cancellationToken);
        if (limits.IsExpired)
        {
            await PauseAnalysisAsync(services.GetRequiredService<StreamsDbContext>(), services.GetRequiredService<StreamLog>(), services.GetRequiredService<IPublisher>(), cancellationToken);
        }
    }

    /// <summary>Pauses every enabled stream that is pending or in progress; a no-op when none is (idempotent).</summary>
    /// <returns>How many streams were paused.</returns>
    public static async Task<int> PauseAnalysisAsync(StreamsDbContext db, StreamLog log, IPublisher publisher, CancellationToken cancellationToken)
    {
        var running = await db.Streams.Where(s => s.Enabled && (s.Status == StreamStatus.Pending || s.Status == StreamStatus.InProgress)).ToListAsync(cancellationToken);
        var previous = running.ToDictionary(s => s.Id, s => StreamMapping.ToState(s.Status));
        foreach (var stream in running)
        {
            log.Transition(stream, StreamStatus.Paused, Reason);
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var stream in running)
        {
            await publisher.Publish(new StreamStatusChanged(stream.Id, previous[stream.Id], StreamState.Paused, Reason), cancellationToken);
        }

        return running.Count;
    }
}
