using LunaPoint.SharedKernel.Data;
using LunaPoint.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Tests.Data;

public sealed class MigrationTests
{
    public static TheoryData<string, DatabaseProvider> ModulesAndProviders()
    {
        var data = new TheoryData<string, DatabaseProvider>();
        foreach (var module in ModuleContexts.Modules)
        {
            data.Add(module, DatabaseProvider.Postgres);
            data.Add(module, DatabaseProvider.Sqlite);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ModulesAndProviders))]
    public void Model_HasNoChangesMissingAMigration(string module, DatabaseProvider provider)
    {
        // Building the model needs no server: the connection is never opened.
        var settings = new DatabaseSettings(provider, "Host=127.0.0.1;Database=model_check", Path.GetTempPath());
        using var db = ModuleContexts.Create(module, settings);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(
            db.Database.HasPendingModelChanges(),
            $"{module} on {provider} has model changes without a migration: run scripts/add-migration.sh {module} <Name>");
    }

    [Theory]
    [MemberData(nameof(ModulesAndProviders))]
    public void Model_KeepsEveryTableInTheModuleSchema(string module, DatabaseProvider provider)
    {
        var settings = new DatabaseSettings(provider, "Host=127.0.0.1;Database=model_check", Path.GetTempPath());
        using var db = ModuleContexts.Create(module, settings);
        var schema = ((IModuleDbContext)db).Schema;

        Assert.All(db.Model.GetEntityTypes(), entity => Assert.Equal(schema, entity.GetSchema()));
    }
}
