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
        builder.HasIndex(e => e.TrackId).IsUnique();
        builder.HasIndex(e => e.StartedAt);
        builder.HasIndex(e => new { e.StreamId, e.StartedAt });
        builder.HasIndex(e => new { e.TopFaceId, e.StartedAt });
        builder.Property(e => e.DescriptorModel).HasMaxLength(64);
        builder.Property(e => e.FaceImagePath).HasMaxLength(200);
        builder.Property(e => e.ContextImagePath).HasMaxLength(200);
        builder.Property(e => e.BodyImagePath).HasMaxLength(200);
        builder.Property(e => e.Gender).HasMaxLength(16);
        builder.Property(e => e.Liveness).HasMaxLength(16);
        builder.Property(e => e.StreamName).HasMaxLength(200);
        builder.Property(e => e.Location).HasMaxLength(500);
        builder.Property(e => e.TopName).HasMaxLength(200);
    }
}

internal sealed class EventMatchConfiguration : IEntityTypeConfiguration<EventMatch>
{
    public void Configure(EntityTypeBuilder<EventMatch> builder)
    {
        builder.ToTable("event_matches");
        builder.HasKey(m => new { m.EventId, m.FaceId, m.ListId });
        builder.HasOne<DetectionEvent>().WithMany().HasForeignKey(m => m.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.HasIndex(m => new { m.ListId, m.StartedAt });
        builder.HasIndex(m => new { m.FaceId, m.StartedAt });
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
        builder.Property(l => l.Color).HasMaxLength(7);
        builder.HasIndex(l => l.Name).IsUnique();
    }
}

internal sealed class FaceConfiguration : IEntityTypeConfiguration<Face>
{
    public void Configure(EntityTypeBuilder<Face> builder)
    {
        builder.ToTable("faces");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Name).HasMaxLength(200);
        builder.Property(f => f.ExternalId).HasMaxLength(200);
        builder.HasIndex(f => f.ExternalId);
        builder.HasIndex(f => f.Name);
    }
}

internal sealed class ListMemberConfiguration : IEntityTypeConfiguration<ListMember>
{
    public void Configure(EntityTypeBuilder<ListMember> builder)
    {
        builder.ToTable("list_faces");
        builder.HasKey(m => new { m.ListId, m.FaceId });
        builder.HasIndex(m => m.FaceId);
        builder.HasOne<FaceList>().WithMany().HasForeignKey(m => m.ListId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Face>().WithMany().HasForeignKey(m => m.FaceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FacePhotoConfiguration : IEntityTypeConfiguration<FacePhoto>
{
    public void Configure(EntityTypeBuilder<FacePhoto> builder)
    {
        builder.ToTable("face_photos");
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => p.FaceId);
        builder.Property(p => p.DescriptorModel).HasMaxLength(64);
        builder.Property(p => p.ImagePath).HasMaxLength(200);
        builder.HasOne<Face>().WithMany().HasForeignKey(p => p.FaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
