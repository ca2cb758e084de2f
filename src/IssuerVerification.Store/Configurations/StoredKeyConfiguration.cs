using IssuerVerification.Domain.Keys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IssuerVerification.Store.Configurations;

internal sealed class StoredKeyConfiguration : IEntityTypeConfiguration<StoredKey>
{
    public void Configure(EntityTypeBuilder<StoredKey> builder)
    {
        builder.HasKey(k => k.Id);
        builder.HasIndex(k => k.Alias).IsUnique();
        builder.Property(k => k.Usage).HasConversion<string>();
        builder.Property(k => k.Algorithm).HasConversion<string>();
        builder.Property(k => k.Status).HasConversion<string>();
        builder.Ignore(k => k.Handle);
    }
}
