using LunaPoint.SharedKernel.Data;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Auth.Data;

// One subclass per provider so each keeps its own migrations (Data/Migrations/Postgres, Data/Migrations/Sqlite);
// the module only ever asks for AuthDbContext.
internal sealed class PostgresAuthDbContext(DbContextOptions<PostgresAuthDbContext> options) : AuthDbContext(options);

internal sealed class SqliteAuthDbContext(DbContextOptions<SqliteAuthDbContext> options) : AuthDbContext(options);

internal sealed class PostgresAuthDesignTimeFactory()
    : DesignTimeFactory<PostgresAuthDbContext>(DatabaseProvider.Postgres, AuthDbContext.SchemaName);

internal sealed class SqliteAuthDesignTimeFactory()
    : DesignTimeFactory<SqliteAuthDbContext>(DatabaseProvider.Sqlite, AuthDbContext.SchemaName);
