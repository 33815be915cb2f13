using LunaPoint.Modules.Streams.Data;
using LunaPoint.Modules.Streams.Domain;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Streams.Features;

/// <summary>Changes a stream's status and writes the transition to its log, in the same unit of work.</summary>
internal sealed class StreamLog(StreamsDbContext db, TimeProvider clock)
{
    public void Transition(VideoStream stream, StreamStatus to, string? reason)
    {
        var isNew = db.Entry(stream).State == EntityState.Added;
        db.StreamLogs.Add(new StreamLogEntry
        {
            StreamId = stream.Id,
            At = clock.GetUtcNow(),
            FromStatus = isNew ? null : stream.Status,
            ToStatus = to,
            Reason = reason,
        });
        stream.Status = to;
        stream.UpdatedAt = clock.GetUtcNow();
    }
}
