using LunaPoint.SharedKernel.Data;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Notifications.Data;

// One subclass per provider so each keeps its own migrations (Data/Migrations/Postgres, Data/Migrations/Sqlite);
// the module only ever asks for NotificationsDbContext.
internal sealed class PostgresNotificationsDbContext(DbContextOptions<PostgresNotificationsDbContext> options) : NotificationsDbContext(options);

internal sealed class SqliteNotificationsDbContext(DbContextOptions<SqliteNotificationsDbContext> options) : NotificationsDbContext(options);

internal sealed class PostgresNotificationsDesignTimeFactory()
    : DesignTimeFactory<PostgresNotificationsDbContext>(DatabaseProvider.Postgres, NotificationsDbContext.SchemaName);

internal sealed class SqliteNotificationsDesignTimeFactory()
    : DesignTimeFactory<SqliteNotificationsDbContext>(DatabaseProvider.Sqlite, NotificationsDbContext.SchemaName);
