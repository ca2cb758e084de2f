using IssuerVerification.Domain.Keys;

namespace IssuerVerification.Domain.Cards;

/// <summary>A BIN range: which keys and settings serve the cards whose PAN starts with <see cref="PanPrefix"/>.</summary>
public sealed class CardRange
{
    public const int DefaultCvc3Digits = 3;

    public Guid Id { get; init; }
    public required string PanPrefix { get; init; }
    public Network Network { get; init; }
    public RangeKeys Keys { get; init; } = RangeKeys.None;
    public Dcvv2Settings Dcvv2 { get; init; } = new();
    public ExpiryFormat Cvv2ExpiryFormat { get; init; }
    /// <summary>ICC master-key derivation for CVC3 and dCVV; option B is EMV's rule (option A up to 16 digits).</summary>
    public Crypto.IccDerivation IccDerivation { get; init; } = Crypto.IccDerivation.OptionB;
    /// <summary>
    /// How many rightmost CVC3 digits the range's cards put in the track (the kernel's PCVC3TRACK bits; 3 to 5, Mastercard's
    /// usual 3 by default). A CVC3 of another length is a no_match: the caller never chooses how much is compared.
    /// </summary>
    public int Cvc3Digits { get; init; } = DefaultCvc3Digits;
    /// <summary>Whether values are generated for the range's PANs that are not registered; by default only registered, active cards get values.</summary>
    public bool GenerateForUnregisteredCards { get; init; }
    public LockoutSettings Lockout { get; init; } = new();
    public ThreeDsSettings ThreeDs { get; init; } = new();
    public Tokens.TokenVerificationSettings TokenVerification { get; init; } = new();
    public DateTime CreatedAt { get; init; }
}
