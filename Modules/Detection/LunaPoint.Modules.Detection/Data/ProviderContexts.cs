using LunaPoint.SharedKernel.Data;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Detection.Data;

// One subclass per provider so each keeps its own migrations (Data/Migrations/Postgres, Data/Migrations/Sqlite);
// the module only ever asks for DetectionDbContext.
internal sealed class PostgresDetectionDbContext(DbContextOptions<PostgresDetectionDbContext> options) : DetectionDbContext(options);

internal sealed class SqliteDetectionDbContext(DbContextOptions<SqliteDetectionDbContext> options) : DetectionDbContext(options);

internal sealed class PostgresDetectionDesignTimeFactory()
    : DesignTimeFactory<PostgresDetectionDbContext>(DatabaseProvider.Postgres, DetectionDbContext.SchemaName);

internal sealed class SqliteDetectionDesignTimeFactory()
    : DesignTimeFactory<SqliteDetectionDbContext>(DatabaseProvider.Sqlite, DetectionDbContext.SchemaName);
