using LunaPoint.Modules.Streams.Domain;
using LunaPoint.SharedKernel.Data;
using LunaPoint.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Streams.Data;

internal abstract class StreamsDbContext(DbContextOptions options) : ModuleDbContext(options, SchemaName)
{
    public const string SchemaName = "streams";

    public DbSet<VideoStream> Streams => Set<VideoStream>();
    public DbSet<StreamLogEntry> StreamLogs => Set<StreamLogEntry>();

    /// <summary>Renews each changed stream's <see cref="VideoStream.Version"/>; a stale write becomes a 409.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        foreach (var entry in ChangeTracker.Entries<VideoStream>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            entry.Entity.Version = Guid.NewGuid();
        }

        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(ConcurrentChange, "The stream was changed at the same time by someone else; reload it and try again.");
        }
    }

    public const string ConcurrentChange = "stream.concurrentChange";
}
