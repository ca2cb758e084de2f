namespace IssuerVerification.Api.Admin;

/// <summary>What creating and changing a card range have in common, so that one validator checks both.</summary>
internal interface ICardRangeSettings
{
    RangeKeysDto? Keys { get; }
    Dcvv2SettingsDto? Dcvv2 { get; }
    LockoutSettingsDto? Lockout { get; }
    ThreeDsSettingsDto? ThreeDs { get; }
    int? Cvc3Digits { get; }
    TokenVerificationSettingsDto? TokenVerification { get; }
}
