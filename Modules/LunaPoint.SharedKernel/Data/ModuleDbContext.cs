using Microsoft.EntityFrameworkCore;

namespace LunaPoint.SharedKernel.Data;

/// <summary>What the shared database plumbing needs to know of a module's DbContext.</summary>
public interface IModuleDbContext
{
    string Schema { get; }
}

/// <summary>Base of every module's DbContext: pins the module's schema and the shared conventions.</summary>
public abstract class ModuleDbContext(DbContextOptions options, string schema) : DbContext(options), IModuleDbContext
{
    public string Schema { get; } = schema;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        // A module assembly holds exactly one DbContext, so all its configurations are ours.
        modelBuilder.ApplyConfigurationsFromAssembly(GetType().Assembly);
        base.OnModelCreating(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        ModuleConventions.Apply(configurationBuilder, Database);
}
