using FluentValidation;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Streams.Contracts;
using LunaPoint.Modules.Streams.Data;
using LunaPoint.Modules.Streams.Domain;
using Mediator;

namespace LunaPoint.Modules.Streams.Features;

/// <summary>Replaces a stream's settings (PUT); PATCH ends here too after merging.</summary>
internal sealed record UpdateStream(Guid Id, StreamRequest Stream) : ICommand<StreamDto>;

internal sealed class UpdateStreamHandler(
    StreamsDbContext db, IValidator<StreamRequest> validator, LicenseGuard license, StreamLog log, ISender sender, IPublisher publisher, TimeProvider clock)
    : ICommandHandler<UpdateStream, StreamDto>
{
    public async ValueTask<StreamDto> Handle(UpdateStream command, CancellationToken cancellationToken)
    {
        var stream = await db.FindStreamAsync(command.Id, cancellationToken);
        await validator.ValidateAllAsync([command.Stream], null, cancellationToken);
        await license.CheckAsync([command.Stream], stream.Id, cancellationToken);
        var before = StreamMapping.ToDto(stream);
        var wasEnabled = stream.Enabled;
        StreamMapping.Apply(command.Stream, stream);
        stream.UpdatedAt = clock.GetUtcNow();
        if (!wasEnabled && stream.Enabled)
        {
            log.Transition(stream, StreamStatus.Pending, "enabled");
        }
        else if (wasEnabled && !stream.Enabled)
        {
            log.Transition(stream, StreamStatus.Paused, "disabled");
        }

        await db.SaveChangesAsync(cancellationToken);
        var after = StreamMapping.ToDto(stream);
        await sender.Send(new RecordAuditEntry(StreamsModule.Name, "stream.changed", Target: $"stream {stream.Name} ({stream.Id})", Before: before, After: after), cancellationToken);
        await publisher.Publish(new StreamChanged(stream.Id), cancellationToken);
        if (!wasEnabled && stream.Enabled)
        {
            await publisher.Publish(new StreamEnabled(stream.Id), cancellationToken);
        }
        else if (wasEnabled && !stream.Enabled)
        {
            await publisher.Publish(new StreamDisabled(stream.Id, "disabled"), cancellationToken);
        }

        return after;
    }
}
