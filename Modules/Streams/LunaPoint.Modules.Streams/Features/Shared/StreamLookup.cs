using LunaPoint.Modules.Streams.Data;
using LunaPoint.Modules.Streams.Domain;
using LunaPoint.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Streams.Features;

internal static class StreamLookup
{
    /// <summary>The stream, tracked for changes, or 404.</summary>
    public static async Task<VideoStream> FindStreamAsync(this StreamsDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Streams.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new NotFoundException("Stream", id);

    /// <summary>The stream for reading only, or 404.</summary>
    public static async Task<VideoStream> ReadStreamAsync(this StreamsDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Streams.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new NotFoundException("Stream", id);
}
