using LunaPoint.SharedKernel.Security;
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
    StreamsDbContext db, IValidator<StreamRequest> validator, LicenseGuard license, ListIdsGuard lists, StreamLog log, ISender sender, IPublisher publisher, TimeProvider clock)
    : ICommandHandler<UpdateStream, StreamDto>
{
    public async ValueTask<StreamDto> Handle(UpdateStream command, CancellationToken cancellationToken)
    {
        var stream = await db.FindStreamAsync(command.Id, cancellationToken);
        var request = KeepStoredSecrets(command.Stream, stream);
        await validator.ValidateAllAsync([request], null, cancellationToken);
        await lists.CheckAsync([request], null, stream.Id, cancellationToken);
        await license.CheckAsync([request], stream.Id, cancellationToken);
        var before = StreamMapping.ToDto(stream);
        var wasEnabled = stream.Enabled;
        StreamMapping.Apply(request with { Enabled = wasEnabled }, stream);
        stream.UpdatedAt = clock.GetUtcNow();
        if (!wasEnabled && request.Enabled)
        {
            stream.Enable();
            log.Transition(stream, StreamStatus.Pending, "enabled");
        }
        else if (wasEnabled && !request.Enabled)
        {
            stream.Disable();
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

    /// <summary>Reads show secrets as ***; a client that sends such a value back means "leave it as it is".</summary>
    private static StreamRequest KeepStoredSecrets(StreamRequest request, VideoStream stored)
    {
        var storedSettings = StreamMapping.Settings(stored);
        return request with
        {
            Source = SecretMasking.Restore(request.Source, stored.Source),
            Settings = request.Settings is null ? null : request.Settings with { WebhookUrl = SecretMasking.Restore(request.Settings.WebhookUrl, storedSettings.WebhookUrl) },
        };
    }
}
