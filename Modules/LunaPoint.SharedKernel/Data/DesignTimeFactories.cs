using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LunaPoint.SharedKernel.Data;

/// <summary>
/// Lets <c>dotnet ef</c> build a module context for one provider without starting the host.
/// The connection string is never opened when adding a migration.
/// </summary>
public abstract class DesignTimeFactory<TContext>(DatabaseProvider provider, string schema) : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var settings = new DatabaseSettings(provider, "Host=localhost;Database=lunapoint_design", Path.GetTempPath());
        var options = new DbContextOptionsBuilder<TContext>();
        ModuleDbOptions.Configure(options, settings, schema);
        return (TContext)Activator.CreateInstance(typeof(TContext), options.Options)!;
    }
}
