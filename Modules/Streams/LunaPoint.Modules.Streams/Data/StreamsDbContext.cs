using LunaPoint.Modules.Streams.Domain;
using LunaPoint.SharedKernel.Data;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Streams.Data;

internal abstract class StreamsDbContext(DbContextOptions options) : ModuleDbContext(options, SchemaName)
{
    public const string SchemaName = "streams";

    public DbSet<VideoStream> Streams => Set<VideoStream>();
    public DbSet<StreamLogEntry> StreamLogs => Set<StreamLogEntry>();
}
