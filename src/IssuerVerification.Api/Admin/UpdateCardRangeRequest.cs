using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Api.Admin;

/// <summary>
/// Change a card range: the fields of creation except <c>panPrefix</c> and <c>network</c>, which never change. Every field is
/// optional; an absent one keeps its value. <c>keys</c> is merged slot by slot: an alias fills the slot, null empties it.
/// </summary>
public sealed record UpdateCardRangeRequest(
    RangeKeysDto? Keys = null, Dcvv2SettingsDto? Dcvv2 = null, ExpiryFormatName? Cvv2ExpiryFormat = null,
    LockoutSettingsDto? Lockout = null, ThreeDsSettingsDto? ThreeDs = null, IccDerivation? IccDerivation = null,
    int? Cvc3Digits = null, bool? GenerateForUnregisteredCards = null, TokenVerificationSettingsDto? TokenVerification = null) : ICardRangeSettings;
