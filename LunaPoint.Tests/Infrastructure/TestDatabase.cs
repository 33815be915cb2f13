using LunaPoint.SharedKernel.Data;
using Npgsql;

namespace LunaPoint.Tests.Infrastructure;

/// <summary>A database of its own for one host under test, on a real PostgreSQL or real SQLite files.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract DatabaseProvider Provider { get; }

    /// <summary>The data directory (SQLite files, later images) of the host under test.</summary>
    public string DataDir { get; } = Directory.CreateTempSubdirectory("lunapoint-test-").FullName;

    /// <summary>Settings to hand the host; the PostgreSQL connection string is empty for SQLite.</summary>
    public abstract string PostgresConnectionString { get; }

    /// <summary>While true, disposing keeps the database and files: a test restarting the host hands it to a second factory.</summary>
    public bool KeepOnDispose { get; set; }

    public DatabaseSettings Settings => new(Provider, Provider == DatabaseProvider.Postgres ? PostgresConnectionString : null, DataDir);

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres ? await PostgresTestDatabase.CreateAsync() : new SqliteTestDatabase();

    public virtual ValueTask DisposeAsync()
    {
        if (KeepOnDispose)
        {
            return ValueTask.CompletedTask;
        }

        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold a file for a moment; the temp folder is cleaned by the OS later.
        }

        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}

internal sealed class SqliteTestDatabase : TestDatabase
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string PostgresConnectionString => "";
}

/// <summary>
/// A fresh database in the throwaway cluster that scripts/test.sh starts and names in
/// LUNAPOINT_TEST_POSTGRES. Without it the tests fail, saying so: they never skip.
/// </summary>
internal sealed class PostgresTestDatabase : TestDatabase
{
    public const string Variable = "LUNAPOINT_TEST_POSTGRES";

    private readonly string _admin;
    private readonly string _name;

    private PostgresTestDatabase(string admin, string name)
    {
        _admin = admin;
        _name = name;
        PostgresConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string PostgresConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(
                $"{Variable} is not set. Run the tests with scripts/test.sh, which starts a throwaway PostgreSQL cluster and sets it.");
        }

        var name = "lunapoint_test_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new PostgresTestDatabase(admin, name);
    }

    public override async ValueTask DisposeAsync()
    {
        if (KeepOnDispose)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using (var connection = new NpgsqlConnection(_admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        await base.DisposeAsync();
    }
}
