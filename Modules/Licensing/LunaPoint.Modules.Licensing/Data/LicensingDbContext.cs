using LunaPoint.Modules.Licensing.Domain;
using LunaPoint.SharedKernel.Data;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Licensing.Data;

internal abstract class LicensingDbContext(DbContextOptions options) : ModuleDbContext(options, SchemaName)
{
    public const string SchemaName = "licensing";

    public DbSet<StoredLicense> Licenses => Set<StoredLicense>();
}
