using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation;
using FluentValidation.Results;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Streams.Contracts;
using LunaPoint.Modules.Streams.Data;
using LunaPoint.Modules.Streams.Domain;
using LunaPoint.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Streams.Features;

internal sealed record CreateStream(StreamRequest Stream) : ICommand<StreamDto>;

internal sealed record ReplaceStream(Guid Id, StreamRequest Stream) : ICommand<StreamDto>;

/// <summary>JSON merge patch (RFC 7396) of the stream as <see cref="StreamRequest"/> writes it.</summary>
internal sealed record PatchStream(Guid Id, JsonObject Patch) : ICommand<StreamDto>;

internal sealed record DeleteStream(Guid Id) : ICommand;

internal sealed record ImportStreams(IReadOnlyList<StreamRequest> Streams) : ICommand<IReadOnlyList<StreamDto>>;

internal sealed class StreamCommandHandlers(
    StreamsDbContext db, IValidator<StreamRequest> validator, LicenseGuard license, StreamLog log, ISender sender, IPublisher publisher, TimeProvider clock)
    : ICommandHandler<CreateStream, StreamDto>, ICommandHandler<ReplaceStream, StreamDto>, ICommandHandler<PatchStream, StreamDto>,
      ICommandHandler<DeleteStream>, ICommandHandler<ImportStreams, IReadOnlyList<StreamDto>>
{
    public async ValueTask<StreamDto> Handle(CreateStream command, CancellationToken cancellationToken) =>
        (await Handle(new ImportStreams([command.Stream]), cancellationToken, fieldPrefix: null))[0];

    public ValueTask<IReadOnlyList<StreamDto>> Handle(ImportStreams command, CancellationToken cancellationToken) =>
        Handle(command, cancellationToken, fieldPrefix: "streams");

    public async ValueTask<StreamDto> Handle(ReplaceStream command, CancellationToken cancellationToken)
    {
        var stream = await FindAsync(command.Id, cancellationToken);
        await ValidateAsync([command.Stream], null, cancellationToken);
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
        await PublishEnablementAsync(stream, wasEnabled, cancellationToken);
        return after;
    }

    public async ValueTask<StreamDto> Handle(PatchStream command, CancellationToken cancellationToken)
    {
        var stream = await FindAsync(command.Id, cancellationToken);
        var current = JsonSerializer.SerializeToNode(StreamMapping.ToRequest(stream), StreamMapping.Json)!.AsObject();
        MergePatch(current, command.Patch);
        StreamRequest? merged;
        try
        {
            merged = current.Deserialize<StreamRequest>(StreamMapping.Json);
        }
        catch (JsonException ex)
        {
            throw new ValidationException([new ValidationFailure(ex.Path?.TrimStart('$', '.') ?? "body", $"Wrong type: {ex.Message}")]);
        }

        return await Handle(new ReplaceStream(command.Id, merged!), cancellationToken);
    }

    public async ValueTask<Unit> Handle(DeleteStream command, CancellationToken cancellationToken)
    {
        var stream = await FindAsync(command.Id, cancellationToken);
        var before = StreamMapping.ToDto(stream);
        db.Streams.Remove(stream);
        await db.StreamLogs.Where(l => l.StreamId == stream.Id).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await sender.Send(new RecordAuditEntry(StreamsModule.Name, "stream.deleted", Target: $"stream {stream.Name} ({stream.Id})", Before: before), cancellationToken);
        await publisher.Publish(new StreamDeleted(stream.Id), cancellationToken);
        return Unit.Value;
    }

    private async ValueTask<IReadOnlyList<StreamDto>> Handle(ImportStreams command, CancellationToken cancellationToken, string? fieldPrefix)
    {
        if (command.Streams.Count is 0 or > 1000)
        {
            throw new ValidationException([new ValidationFailure(fieldPrefix ?? "body", "Give between 1 and 1000 streams.")]);
        }

        await ValidateAsync(command.Streams, fieldPrefix, cancellationToken);
        await license.CheckAsync(command.Streams, null, cancellationToken);
        var now = clock.GetUtcNow();
        var created = new List<VideoStream>();
        foreach (var request in command.Streams)
        {
            var stream = new VideoStream { Id = Guid.NewGuid(), Name = "", Source = "", SettingsJson = "{}", CreatedAt = now, UpdatedAt = now };
            StreamMapping.Apply(request, stream);
            db.Streams.Add(stream);
            log.Transition(stream, stream.Enabled ? StreamStatus.Pending : StreamStatus.Paused, stream.Enabled ? "created" : "created disabled");
            created.Add(stream);
        }

        // One SaveChanges: an import lands whole or not at all.
        await db.SaveChangesAsync(cancellationToken);
        foreach (var stream in created)
        {
            await sender.Send(new RecordAuditEntry(StreamsModule.Name, "stream.created", Target: $"stream {stream.Name} ({stream.Id})", After: StreamMapping.ToDto(stream)), cancellationToken);
            await publisher.Publish(new StreamCreated(stream.Id, stream.Enabled), cancellationToken);
        }

        return created.Select(StreamMapping.ToDto).ToList();
    }

    private async Task ValidateAsync(IReadOnlyList<StreamRequest> streams, string? prefix, CancellationToken cancellationToken)
    {
        var failures = new List<ValidationFailure>();
        for (var i = 0; i < streams.Count; i++)
        {
            var result = await validator.ValidateAsync(streams[i], cancellationToken);
            failures.AddRange(result.Errors.Select(e => prefix is null ? e : new ValidationFailure($"{prefix}[{i}].{e.PropertyName}", e.ErrorMessage)));
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }
    }

    private async Task PublishEnablementAsync(VideoStream stream, bool wasEnabled, CancellationToken cancellationToken)
    {
        if (!wasEnabled && stream.Enabled)
        {
            await publisher.Publish(new StreamEnabled(stream.Id), cancellationToken);
        }
        else if (wasEnabled && !stream.Enabled)
        {
            await publisher.Publish(new StreamDisabled(stream.Id, "disabled"), cancellationToken);
        }
    }

    private async Task<VideoStream> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Streams.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new NotFoundException("Stream", id);

    /// <summary>RFC 7396: null removes, objects merge, anything else replaces.</summary>
    private static void MergePatch(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch.ToList())
        {
            var name = target.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) ?? key;
            if (value is null)
            {
                target.Remove(name);
            }
            else if (value is JsonObject patchObject && target[name] is JsonObject targetObject)
            {
                MergePatch(targetObject, patchObject);
            }
            else
            {
                target[name] = value.DeepClone();
            }
        }
    }
}
