using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Api.Admin;

public sealed record CardRangeResponse(
    Guid Id, string PanPrefix, Network Network, RangeKeysDto Keys, Dcvv2SettingsDto Dcvv2,
    ExpiryFormatName Cvv2ExpiryFormat, LockoutSettingsDto Lockout, ThreeDsSettingsDto ThreeDs, IccDerivation IccDerivation,
    int Cvc3Digits, bool GenerateForUnregisteredCards, DateTime CreatedAt, TokenVerificationSettingsDto TokenVerification);
