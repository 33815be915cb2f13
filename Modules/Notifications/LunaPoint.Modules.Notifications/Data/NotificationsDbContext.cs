using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.SharedKernel.Data;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Notifications.Data;

internal abstract class NotificationsDbContext(DbContextOptions options) : ModuleDbContext(options, SchemaName)
{
    public const string SchemaName = "notifications";

    public DbSet<NotificationRule> Rules => Set<NotificationRule>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();
    public DbSet<CooldownMark> Cooldowns => Set<CooldownMark>();
    public DbSet<PauseState> Pause => Set<PauseState>();
    public DbSet<SmtpSettingsRecord> SmtpSettings => Set<SmtpSettingsRecord>();
}
