using IssuerVerification.Domain.Cards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IssuerVerification.Store.Configurations;

internal sealed class CardConfiguration : IEntityTypeConfiguration<Card>
{
    public void Configure(EntityTypeBuilder<Card> builder)
    {
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.PanFingerprint).IsUnique();
        builder.Property(c => c.Status).HasConversion<string>();
        builder.ComplexProperty(c => c.Cardholder);
    }
}
