using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Diagnostics;

namespace LunaPoint.SharedKernel.Data;

/// <summary>The one place that turns <see cref="DatabaseSettings"/> into provider options for a module.</summary>
public static class ModuleDbOptions
{
    public const string HistoryTable = "__EFMigrationsHistory";

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseSettings settings, string schema)
    {
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            // Without an explicit history table every module would share public.__EFMigrationsHistory:
            // EF's history repository ignores HasDefaultSchema.
            builder.UseNpgsql(settings.PostgresConnectionString, o => o.MigrationsHistoryTable(HistoryTable, schema));
        }
        else
        {
            builder.UseSqlite(settings.SqliteConnectionString(schema), o => o.MigrationsHistoryTable(HistoryTable));
            // One SQLite file per module stands in for the schema; EF would warn on every schema name.
            builder.ConfigureWarnings(w => w.Ignore(SqliteEventId.SchemaConfiguredWarning));
        }

        return builder.UseSnakeCaseNamingConvention();
    }
}
