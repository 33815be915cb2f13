using LunaPoint.Modules.Streams.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LunaPoint.Modules.Streams.Data.Configurations;

internal sealed class VideoStreamConfiguration : IEntityTypeConfiguration<VideoStream>
{
    public void Configure(EntityTypeBuilder<VideoStream> builder)
    {
        builder.ToTable("streams");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Description).HasMaxLength(2000);
        builder.Property(s => s.LocationAddress).HasMaxLength(500);
        builder.Property(s => s.Source).HasMaxLength(2048);
        builder.Property(s => s.LastError).HasMaxLength(2000);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => s.Name);
        builder.HasIndex(s => s.Status);
    }
}

internal sealed class StreamLogEntryConfiguration : IEntityTypeConfiguration<StreamLogEntry>
{
    public void Configure(EntityTypeBuilder<StreamLogEntry> builder)
    {
        builder.ToTable("stream_logs");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Reason).HasMaxLength(2000);
        builder.HasIndex(l => new { l.StreamId, l.At });
    }
}
