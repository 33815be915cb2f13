using LunaPoint.Modules.Licensing.Contracts;
using LunaPoint.Modules.Streams.Contracts;
using LunaPoint.Modules.Streams.Data;
using LunaPoint.Modules.Streams.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Streams.Features;

/// <summary>An expired licence stops analysis; the streams and their data stay readable.</summary>
internal sealed class PauseStreamsOnLicenseExpiry(StreamsDbContext db, StreamLog log, IPublisher publisher) : INotificationHandler<LicenseExpired>
{
    public async ValueTask Handle(LicenseExpired notification, CancellationToken cancellationToken)
    {
        var running = await db.Streams.Where(s => s.Enabled && (s.Status == StreamStatus.Pending || s.Status == StreamStatus.InProgress)).ToListAsync(cancellationToken);
        var previous = running.ToDictionary(s => s.Id, s => StreamMapping.ToState(s.Status));
        foreach (var stream in running)
        {
            log.Transition(stream, StreamStatus.Paused, "licence expired");
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var stream in running)
        {
            await publisher.Publish(new StreamStatusChanged(stream.Id, previous[stream.Id], StreamState.Paused, "licence expired"), cancellationToken);
        }
    }
}
