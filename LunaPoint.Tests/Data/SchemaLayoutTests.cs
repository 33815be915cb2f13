using LunaPoint.SharedKernel.Data;
using LunaPoint.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LunaPoint.Tests.Data;

/// <summary>After the host migrated at start, each module's tables are where the design says.</summary>
public sealed class SchemaLayoutTests
{
    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture)
    {
        [Fact]
        public async Task EveryModule_HasItsTablesAndHistoryInItsOwnSchema_AndPublicHasNone()
        {
            var tables = await ReadTablesAsync(fixture.Factory.Database.PostgresConnectionString);

            foreach (var module in ModuleContexts.Modules)
            {
                using var db = ModuleContexts.Create(module, fixture.Factory.Database.Settings);
                var schema = ((IModuleDbContext)db).Schema;
                Assert.Contains((schema, ModuleDbOptions.HistoryTable), tables);
                foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct())
                {
                    Assert.Contains((schema, table), tables);
                }

                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            }

            Assert.DoesNotContain(tables, t => t.Schema == "public");
            Assert.Equal(
                ["clementine_auth", "detection", "events", "licensing", "notifications", "streams"],
                tables.Select(t => t.Schema).Distinct().Order());
        }

        private static async Task<HashSet<(string Schema, string Table)>> ReadTablesAsync(string connectionString)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')",
                connection);
            await using var reader = await command.ExecuteReaderAsync();
            var tables = new HashSet<(string, string)>();
            while (await reader.ReadAsync())
            {
                tables.Add((reader.GetString(0), reader.GetString(1)));
            }

            return tables;
        }
    }

    [Collection(SqliteCollection.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture)
    {
        [Fact]
        public async Task EveryModule_HasItsOwnFile_HoldingOnlyItsTablesAndHistory()
        {
            foreach (var module in ModuleContexts.Modules)
            {
                using var db = ModuleContexts.Create(module, fixture.Factory.Database.Settings);
                var schema = ((IModuleDbContext)db).Schema;
                var file = Path.Combine(fixture.Factory.Database.DataDir, schema + ".db");
                Assert.True(File.Exists(file), $"{file} was not created");

                // EF's SQLite migrator also keeps a lock table beside the history (PostgreSQL uses an advisory lock).
                var expected = db.Model.GetEntityTypes().Select(e => e.GetTableName()!)
                    .Append(ModuleDbOptions.HistoryTable).Append("__EFMigrationsLock").ToHashSet();
                var actual = await ReadTablesAsync(file);
                Assert.Equal(expected.Order(), actual.Order());
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            }
        }

        private static async Task<List<string>> ReadTablesAsync(string file)
        {
            await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await command.ExecuteReaderAsync();
            var tables = new List<string>();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }

            return tables;
        }
    }
}
