using LunaPoint.Modules.Detection.Domain;
using LunaPoint.SharedKernel.Data;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Detection.Data;

internal abstract class DetectionDbContext(DbContextOptions options) : ModuleDbContext(options, SchemaName)
{
    public const string SchemaName = "detection";

    public DbSet<Track> Tracks => Set<Track>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
}
