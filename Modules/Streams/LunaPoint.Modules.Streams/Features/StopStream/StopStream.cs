using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Streams.Contracts;
using LunaPoint.Modules.Streams.Data;
using LunaPoint.Modules.Streams.Domain;
using LunaPoint.SharedKernel.Security;
using Mediator;

namespace LunaPoint.Modules.Streams.Features;

internal sealed record StopStream(Guid Id) : ICommand<StreamDto>;

internal sealed class StopStreamHandler(StreamsDbContext db, StreamLog log, ICurrentActor actor, ISender sender, IPublisher publisher)
    : ICommandHandler<StopStream, StreamDto>
{
    public async ValueTask<StreamDto> Handle(StopStream command, CancellationToken cancellationToken)
    {
        var stream = await db.FindStreamAsync(command.Id, cancellationToken);
        if (stream.Enabled)
        {
            var reason = $"stopped by {actor.Name ?? "system"}";
            stream.Disable();
            log.Transition(stream, StreamStatus.Paused, reason);
            await db.SaveChangesAsync(cancellationToken);
            await sender.Send(new RecordAuditEntry(StreamsModule.Name, "stream.stopped", Target: $"stream {stream.Name} ({stream.Id})"), cancellationToken);
            await publisher.Publish(new StreamDisabled(stream.Id, reason), cancellationToken);
        }

        return StreamMapping.ToDto(stream);
    }
}
