using Microsoft.Extensions.Configuration;

namespace LunaPoint.SharedKernel.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where module data lives: PostgreSQL when <c>ConnectionStrings:Postgres</c> is set, otherwise one
/// embedded SQLite file per module under <c>LunaPoint:DataDir</c>, so a first run needs no server.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string? PostgresConnectionString, string DataDir)
{
    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        var postgres = configuration.GetConnectionString("Postgres");
        var dataDir = Path.GetFullPath(configuration["LunaPoint:DataDir"] ?? "./data", contentRoot);
        return string.IsNullOrWhiteSpace(postgres)
            ? new DatabaseSettings(DatabaseProvider.Sqlite, null, dataDir)
            : new DatabaseSettings(DatabaseProvider.Postgres, postgres, dataDir);
    }

    public string SqliteConnectionString(string schema) =>
        $"Data Source={Path.Combine(DataDir, schema + ".db")};Pooling=True";
}
