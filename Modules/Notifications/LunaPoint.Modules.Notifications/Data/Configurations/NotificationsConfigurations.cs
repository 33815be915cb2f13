using LunaPoint.Modules.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LunaPoint.Modules.Notifications.Data.Configurations;

internal sealed class NotificationRuleConfiguration : IEntityTypeConfiguration<NotificationRule>
{
    public void Configure(EntityTypeBuilder<NotificationRule> builder)
    {
        builder.ToTable("alert_rules");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.HasIndex(r => r.Name).IsUnique();
        builder.Property(r => r.Trigger).HasConversion<string>().HasMaxLength(40);
        builder.Property(r => r.Conditions).HasConversion(JsonColumn.Converter<RuleConditions>(), JsonColumn.Comparer<RuleConditions>());
        builder.Property(r => r.Channels).HasConversion(JsonColumn.Converter<List<ChannelSpec>>(), JsonColumn.Comparer<List<ChannelSpec>>());
        builder.Property(r => r.EscalationChannels).HasConversion(JsonColumn.Converter<List<ChannelSpec>>(), JsonColumn.Comparer<List<ChannelSpec>>());
    }
}

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.ToTable("alerts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.RuleName).HasMaxLength(200);
        builder.Property(a => a.Trigger).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.Title).HasMaxLength(500);
        builder.Property(a => a.Details).HasMaxLength(4000);
        builder.Property(a => a.StreamName).HasMaxLength(200);
        builder.Property(a => a.Location).HasMaxLength(500);
        builder.Property(a => a.FaceName).HasMaxLength(200);
        builder.Property(a => a.ExternalId).HasMaxLength(200);
        builder.Property(a => a.ListName).HasMaxLength(200);
        builder.Property(a => a.ListColor).HasMaxLength(7);
        builder.Property(a => a.Gender).HasMaxLength(16);
        builder.Property(a => a.Liveness).HasMaxLength(16);
        builder.Property(a => a.AcknowledgedBy).HasMaxLength(256);
        builder.Property(a => a.AcknowledgeComment).HasMaxLength(1000);
        builder.HasIndex(a => a.CreatedAt);
        builder.HasIndex(a => a.OccurredAt);
        builder.HasIndex(a => a.RuleId);
        builder.HasIndex(a => a.EscalateAt);
    }
}

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> builder)
    {
        builder.ToTable("outbox");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Recipient).HasMaxLength(2048);
        builder.Property(d => d.Target).HasConversion(JsonColumn.Converter<ChannelSpec>(), JsonColumn.Comparer<ChannelSpec>());
        builder.Property(d => d.LastError).HasMaxLength(2000);
        builder.Property(d => d.ClaimedBy).HasMaxLength(200);
        builder.HasIndex(d => new { d.Status, d.Channel, d.NextAttemptAt });
        builder.HasIndex(d => d.AlertId);
        builder.HasIndex(d => d.CreatedAt);
        builder.HasOne<Alert>().WithMany().HasForeignKey(d => d.AlertId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CooldownMarkConfiguration : IEntityTypeConfiguration<CooldownMark>
{
    public void Configure(EntityTypeBuilder<CooldownMark> builder)
    {
        builder.ToTable("cooldowns");
        builder.HasKey(c => new { c.RuleId, c.SubjectKey });
        builder.Property(c => c.SubjectKey).HasMaxLength(100);
    }
}

internal sealed class PauseStateConfiguration : IEntityTypeConfiguration<PauseState>
{
    public void Configure(EntityTypeBuilder<PauseState> builder)
    {
        builder.ToTable("pause");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.PausedBy).HasMaxLength(256);
    }
}

internal sealed class SmtpSettingsConfiguration : IEntityTypeConfiguration<SmtpSettingsRecord>
{
    public void Configure(EntityTypeBuilder<SmtpSettingsRecord> builder)
    {
        builder.ToTable("smtp_settings");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Host).HasMaxLength(255);
        builder.Property(s => s.Security).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.UserName).HasMaxLength(256);
        builder.Property(s => s.ProtectedPassword).HasMaxLength(4000);
        builder.Property(s => s.From).HasMaxLength(320);
        builder.Property(s => s.UpdatedBy).HasMaxLength(256);
    }
}
