using LunaPoint.SharedKernel.Data;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Events.Data;

// One subclass per provider so each keeps its own migrations (Data/Migrations/Postgres, Data/Migrations/Sqlite);
// the module only ever asks for EventsDbContext.
internal sealed class PostgresEventsDbContext(DbContextOptions<PostgresEventsDbContext> options) : EventsDbContext(options);

internal sealed class SqliteEventsDbContext(DbContextOptions<SqliteEventsDbContext> options) : EventsDbContext(options);

internal sealed class PostgresEventsDesignTimeFactory()
    : DesignTimeFactory<PostgresEventsDbContext>(DatabaseProvider.Postgres, EventsDbContext.SchemaName);

internal sealed class SqliteEventsDesignTimeFactory()
    : DesignTimeFactory<SqliteEventsDbContext>(DatabaseProvider.Sqlite, EventsDbContext.SchemaName);
