using LunaPoint.SharedKernel.Data;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Streams.Data;

// One subclass per provider so each keeps its own migrations (Data/Migrations/Postgres, Data/Migrations/Sqlite);
// the module only ever asks for StreamsDbContext.
internal sealed class PostgresStreamsDbContext(DbContextOptions<PostgresStreamsDbContext> options) : StreamsDbContext(options);

internal sealed class SqliteStreamsDbContext(DbContextOptions<SqliteStreamsDbContext> options) : StreamsDbContext(options);

internal sealed class PostgresStreamsDesignTimeFactory()
    : DesignTimeFactory<PostgresStreamsDbContext>(DatabaseProvider.Postgres, StreamsDbContext.SchemaName);

internal sealed class SqliteStreamsDesignTimeFactory()
    : DesignTimeFactory<SqliteStreamsDbContext>(DatabaseProvider.Sqlite, StreamsDbContext.SchemaName);
