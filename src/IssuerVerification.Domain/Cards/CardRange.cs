using IssuerVerification.Domain.Keys;

namespace IssuerVerification.Domain.Cards;

/// <summary>A BIN range: which keys and settings serve the cards whose PAN starts with <see cref="PanPrefix"/>.</summary>
public sealed class CardRange
{
    public Guid Id { get; init; }
    public required string PanPrefix { get; init; }
    public Network Network { get; init; }
    public RangeKeys Keys { get; init; } = RangeKeys.None;
    public Dcvv2Settings Dcvv2 { get; init; } = new();
    public ExpiryFormat Cvv2ExpiryFormat { get; init; }
    /// <summary>ICC master-key derivation for CVC3 and dCVV; option B is EMV's rule (option A up to 16 digits).</summary>
    public Crypto.IccDerivation IccDerivation { get; init; } = Crypto.IccDerivation.OptionB;
    public LockoutSettings Lockout { get; init; } = new();
    public ThreeDsSettings ThreeDs { get; init; } = new();
    public Tokens.TokenVerificationSettings TokenVerification { get; init; } = new();
    public DateTime CreatedAt { get; init; }
}
