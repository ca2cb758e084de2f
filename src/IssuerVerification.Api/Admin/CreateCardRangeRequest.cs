using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Api.Admin;

/// <summary>A BIN range and the keys and settings for its cards. The longest matching prefix wins.</summary>
/// <param name="Cvc3Digits">How many rightmost CVC3 digits the cards put in the track, 3–5 (default 3); a CVC3 of another length is no_match.</param>
/// <param name="GenerateForUnregisteredCards">Whether values are generated for PANs of the range that are not registered (default false: registered, active cards only).</param>
/// <param name="TokenVerification">Token verification thresholds (defaults: red from score 80, yellow from 40, 3 OTP attempts, 3 sends, 10 minutes).</param>
/// <param name="IccDerivation">EMV ICC master-key derivation for CVC3 and dCVV: option_b (default, EMV: option A up to 16 PAN digits, B above), option_a, or option_b_all_pans (jPOS).</param>
public sealed record CreateCardRangeRequest(
    string PanPrefix, Network Network, RangeKeysDto Keys, Dcvv2SettingsDto? Dcvv2 = null,
    ExpiryFormatName? Cvv2ExpiryFormat = null, LockoutSettingsDto? Lockout = null, ThreeDsSettingsDto? ThreeDs = null,
    IccDerivation? IccDerivation = null, int? Cvc3Digits = null, bool? GenerateForUnregisteredCards = null,
    TokenVerificationSettingsDto? TokenVerification = null) : ICardRangeSettings;
