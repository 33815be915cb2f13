using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Streams.Contracts;
using LunaPoint.Modules.Streams.Data;
using LunaPoint.Modules.Streams.Domain;
using FluentValidation;
using FluentValidation.Results;
using Mediator;

namespace LunaPoint.Modules.Streams.Features;

/// <summary>Creates one stream (POST) or many (import) the same way: validated, licensed, all or nothing.</summary>
internal sealed class StreamCreator(
    StreamsDbContext db, IValidator<StreamRequest> validator, LicenseGuard license, ListIdsGuard lists, StreamLog log, ISender sender, IPublisher publisher, TimeProvider clock)
{
    /// <param name="fieldPrefix">"streams" for an import (errors name streams[i].field), null for one stream.</param>
    public async Task<IReadOnlyList<StreamDto>> CreateAsync(IReadOnlyList<StreamRequest> requests, string? fieldPrefix, CancellationToken cancellationToken)
    {
        if (requests.Count is 0 or > 1000)
        {
            throw new ValidationException([new ValidationFailure(fieldPrefix ?? "body", "Give between 1 and 1000 streams.")]);
        }

        var nulls = requests.Select((r, i) => (r, i)).Where(p => p.r is null).Select(p => new ValidationFailure($"{fieldPrefix ?? "body"}[{p.i}]", "A stream must not be null.")).ToList();
        if (nulls.Count > 0)
        {
            throw new ValidationException(nulls);
        }

        await validator.ValidateAllAsync(requests, fieldPrefix, cancellationToken);
        await lists.CheckAsync(requests, fieldPrefix, null, cancellationToken);
        await license.CheckAsync(requests, null, cancellationToken);
        var now = clock.GetUtcNow();
        var created = new List<VideoStream>();
        foreach (var request in requests)
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
}
