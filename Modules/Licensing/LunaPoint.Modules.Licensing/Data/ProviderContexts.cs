using LunaPoint.SharedKernel.Data;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Licensing.Data;

// One subclass per provider so each keeps its own migrations (Data/Migrations/Postgres, Data/Migrations/Sqlite);
// the module only ever asks for LicensingDbContext.
internal sealed class PostgresLicensingDbContext(DbContextOptions<PostgresLicensingDbContext> options) : LicensingDbContext(options);

internal sealed class SqliteLicensingDbContext(DbContextOptions<SqliteLicensingDbContext> options) : LicensingDbContext(options);

internal sealed class PostgresLicensingDesignTimeFactory()
    : DesignTimeFactory<PostgresLicensingDbContext>(DatabaseProvider.Postgres, LicensingDbContext.SchemaName);

internal sealed class SqliteLicensingDesignTimeFactory()
    : DesignTimeFactory<SqliteLicensingDbContext>(DatabaseProvider.Sqlite, LicensingDbContext.SchemaName);
