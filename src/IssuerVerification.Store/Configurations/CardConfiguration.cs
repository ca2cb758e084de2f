using IssuerVerification.Domain.Cards;
using IssuerVerification.Store.Stores;
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
        // Contacts in clear from before they were sealed: read once by the start-up upgrade, then erased. The columns stay
        // (empty) so that the rows of a replica still running the earlier version can be upgraded too.
        builder.Property<string?>(EfCardStore.LegacyPhone).HasColumnName("Cardholder_Phone");
        builder.Property<string?>(EfCardStore.LegacyEmail).HasColumnName("Cardholder_Email");
        // Rows written before the column existed, or by a replica of the earlier version, are of the unbound version.
        builder.Property(c => c.AtRestVersion).HasDefaultValue(Card.UnboundAtRestVersion);
    }
}
