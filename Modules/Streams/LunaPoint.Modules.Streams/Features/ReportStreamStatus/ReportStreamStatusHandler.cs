using LunaPoint.Modules.Streams.Contracts;
using LunaPoint.Modules.Streams.Data;
using Mediator;

namespace LunaPoint.Modules.Streams.Features;

/// <summary>A worker's status report (the command lives in Contracts: Detection sends it).</summary>
internal sealed class ReportStreamStatusHandler(StreamsDbContext db, StreamLog log, IPublisher publisher) : ICommandHandler<ReportStreamStatus>
{
    public async ValueTask<Unit> Handle(ReportStreamStatus command, CancellationToken cancellationToken)
    {
        var stream = await db.FindStreamAsync(command.StreamId, cancellationToken);
        stream.LastFrameAt = command.LastFrameAt ?? stream.LastFrameAt;
        stream.InputFps = command.InputFps ?? stream.InputFps;
        var to = StreamMapping.ToStatus(command.Status);
        stream.LastError = to == Domain.StreamStatus.Failed ? command.Reason : stream.LastError;
        var from = stream.Status;
        var changed = from != to;
        if (changed)
        {
            log.Transition(stream, to, command.Reason);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (changed)
        {
            await publisher.Publish(new StreamStatusChanged(stream.Id, StreamMapping.ToState(from), command.Status, command.Reason), cancellationToken);
        }

        return Unit.Value;
    }
}
