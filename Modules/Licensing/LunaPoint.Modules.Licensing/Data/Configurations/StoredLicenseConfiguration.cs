using LunaPoint.Modules.Licensing.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LunaPoint.Modules.Licensing.Data.Configurations;

internal sealed class StoredLicenseConfiguration : IEntityTypeConfiguration<StoredLicense>
{
    public void Configure(EntityTypeBuilder<StoredLicense> builder)
    {
        builder.ToTable("licenses");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Signature).HasMaxLength(512);
        builder.Property(l => l.Licensee).HasMaxLength(300);
        builder.HasIndex(l => l.IsActive);
    }
}
