using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Streams.Contracts;
using LunaPoint.Modules.Streams.Data;
using LunaPoint.Modules.Streams.Domain;
using LunaPoint.SharedKernel.Security;
using Mediator;

namespace LunaPoint.Modules.Streams.Features;

internal sealed record StartStream(Guid Id) : ICommand<StreamDto>;

internal sealed class StartStreamHandler(StreamsDbContext db, LicenseGuard license, StreamLog log, ICurrentActor actor, ISender sender, IPublisher publisher)
    : ICommandHandler<StartStream, StreamDto>
{
    public async ValueTask<StreamDto> Handle(StartStream command, CancellationToken cancellationToken)
    {
        var stream = await db.FindStreamAsync(command.Id, cancellationToken);
        if (!stream.Enabled || stream.Status is StreamStatus.Paused or StreamStatus.Failed or StreamStatus.Done)
        {
            await license.CheckAsync([StreamMapping.ToRequest(stream) with { Enabled = true }], stream.Id, cancellationToken);
            stream.Enable();
            log.Transition(stream, StreamStatus.Pending, $"started by {actor.Name ?? "system"}");
            await db.SaveChangesAsync(cancellationToken);
            await sender.Send(new RecordAuditEntry(StreamsModule.Name, "stream.started", Target: $"stream {stream.Name} ({stream.Id})"), cancellationToken);
            await publisher.Publish(new StreamEnabled(stream.Id), cancellationToken);
        }

        return StreamMapping.ToDto(stream);
    }
}
