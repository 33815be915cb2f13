using LunaPoint.SharedKernel.Security;
using LunaPoint.Modules.Streams.Contracts;
using LunaPoint.Modules.Streams.Data;
using LunaPoint.SharedKernel.Errors;
using Mediator;

namespace LunaPoint.Modules.Streams.Features;

/// <summary>
/// A worker's status report (the command lives in Contracts: Detection sends it). The stream decides
/// whether the report still applies; a report that lost a race with a stop or an edit is re-read and
/// decided again, so it never overwrites the newer state.
/// </summary>
internal sealed class ReportStreamStatusHandler(StreamsDbContext db, StreamLog log, IPublisher publisher) : ICommandHandler<ReportStreamStatus>
{
    // Each retry re-reads the newest state; a stream has one worker, so more than a couple of rounds means something else is hammering it.
    private const int Attempts = 10;

    public async ValueTask<Unit> Handle(ReportStreamStatus command, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ApplyAsync(command, cancellationToken);
                return Unit.Value;
            }
            catch (ConflictException ex) when (ex.Code == StreamsDbContext.ConcurrentChange && attempt < Attempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task ApplyAsync(ReportStreamStatus command, CancellationToken cancellationToken)
    {
        var stream = await db.FindStreamAsync(command.StreamId, cancellationToken);
        var to = StreamMapping.ToStatus(command.Status);
        // Worker errors quote the URL they failed on, credentials included.
        var reason = SecretMasking.MaskUrlsIn(command.Reason);
        if (!stream.TryApplyReport(to, reason, command.LastFrameAt, command.InputFps))
        {
            return;
        }

        var from = stream.Status;
        if (from != to)
        {
            log.Transition(stream, to, reason);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (from != to)
        {
            await publisher.Publish(new StreamStatusChanged(stream.Id, StreamMapping.ToState(from), command.Status, reason), cancellationToken);
        }
    }
}
