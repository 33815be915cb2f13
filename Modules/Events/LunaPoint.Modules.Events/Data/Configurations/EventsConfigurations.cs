using LunaPoint.Modules.Events.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LunaPoint.Modules.Events.Data.Configurations;

internal sealed class DetectionEventConfiguration : IEntityTypeConfiguration<DetectionEvent>
{
    public void Configure(EntityTypeBuilder<DetectionEvent> builder)
    {
        builder.ToTable("events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.DescriptorModel).HasMaxLength(64);
        builder.Property(e => e.ImagePath).HasMaxLength(500);
        builder.HasIndex(e => e.CreatedAt);
        builder.HasIndex(e => new { e.StreamId, e.CreatedAt });
        builder.HasIndex(e => e.MatchedFaceId);
    }
}

internal sealed class FaceListConfiguration : IEntityTypeConfiguration<FaceList>
{
    public void Configure(EntityTypeBuilder<FaceList> builder)
    {
        builder.ToTable("lists");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Name).HasMaxLength(200);
        builder.Property(l => l.Description).HasMaxLength(2000);
        builder.HasIndex(l => l.Name).IsUnique();
    }
}

internal sealed class FaceConfiguration : IEntityTypeConfiguration<Face>
{
    public void Configure(EntityTypeBuilder<Face> builder)
    {
        builder.ToTable("faces");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.ExternalId).HasMaxLength(200);
        builder.Property(f => f.DisplayName).HasMaxLength(200);
        builder.Property(f => f.DescriptorModel).HasMaxLength(64);
        builder.Property(f => f.ImagePath).HasMaxLength(500);
        builder.HasOne<FaceList>().WithMany().HasForeignKey(f => f.ListId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.ListId, f.ExternalId });
    }
}
