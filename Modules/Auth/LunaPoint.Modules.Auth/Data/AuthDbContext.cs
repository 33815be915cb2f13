using LunaPoint.Modules.Auth.Domain;
using LunaPoint.SharedKernel.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Auth.Data;

/// <summary>
/// Identity's stores plus API keys and the audit log, in schema clementine_auth (the name POINT AUTH
/// installations already use, so their operators find it where they expect).
/// </summary>
internal abstract class AuthDbContext(DbContextOptions options)
    : IdentityDbContext<User, Role, Guid>(options), IModuleDbContext
{
    public const string SchemaName = "clementine_auth";

    public string Schema => SchemaName;

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDefaultSchema(SchemaName);
        builder.Entity<User>().ToTable("users");
        builder.Entity<Role>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        builder.ApplyConfigurationsFromAssembly(GetType().Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        ModuleConventions.Apply(configurationBuilder, Database);
}
