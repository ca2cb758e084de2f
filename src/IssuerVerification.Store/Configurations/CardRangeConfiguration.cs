using IssuerVerification.Domain.Cards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IssuerVerification.Store.Configurations;

internal sealed class CardRangeConfiguration : IEntityTypeConfiguration<CardRange>
{
    public void Configure(EntityTypeBuilder<CardRange> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => r.PanPrefix).IsUnique();
        builder.Property(r => r.Network).HasConversion<string>();
        builder.Property(r => r.Cvv2ExpiryFormat).HasConversion<string>();
        builder.Property(r => r.IccDerivation).HasConversion<string>();
        // Ranges created before the setting existed compare Mastercard's usual 3 digits.
        builder.Property(r => r.Cvc3Digits).HasDefaultValue(CardRange.DefaultCvc3Digits);
        builder.Property(r => r.Keys).HasConversion(new RangeKeysConverter(), RangeKeysConverter.Comparer);
        builder.ComplexProperty(r => r.Dcvv2);
        builder.ComplexProperty(r => r.Lockout);
        builder.ComplexProperty(r => r.ThreeDs);
        builder.ComplexProperty(r => r.TokenVerification);
    }
}
