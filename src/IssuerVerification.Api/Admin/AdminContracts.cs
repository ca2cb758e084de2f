using System.Text.Json.Serialization;
using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Api.Admin;

public enum KeyAlgorithmName
{
    [JsonStringEnumMemberName("TDES_2KEY")] Tdes2Key,
    [JsonStringEnumMemberName("HMAC_SHA1")] HmacSha1,
}

public enum ExpiryFormatName
{
    [JsonStringEnumMemberName("YYMM")] Yymm,
    [JsonStringEnumMemberName("MMYY")] Mmyy,
}

/// <summary>Import a key from 1–3 clear hex components (XORed), or generate one when <c>components</c> is absent.</summary>
/// <param name="Alias">Unique name the card ranges refer to.</param>
/// <param name="Usage">What the key is for.</param>
/// <param name="Algorithm">TDES_2KEY (default; 16-byte components) or HMAC_SHA1 (20 bytes, for AAV).</param>
/// <param name="Components">Clear key components in hex, one per custodian.</param>
public sealed record CreateKeyRequest(string Alias, KeyUsage Usage, KeyAlgorithmName? Algorithm = null, IReadOnlyList<string>? Components = null);

/// <summary>Key metadata. The clear key is never returned.</summary>
/// <param name="Kcv">Key check value: first 3 bytes (hex) of the key encrypting zeros.</param>
public sealed record KeyResponse(Guid Id, string Alias, KeyUsage Usage, KeyAlgorithmName Algorithm, string Kcv, string Status, DateTime CreatedAt);

public sealed record RewrapResponse(int Rewrapped);

/// <summary>Key aliases by slot name (cvv1, cvv2, icvv, dcvv2, cvc3, dcvv, cavv, aav); the OpenAPI schema lists the slots.</summary>
public sealed class RangeKeysDto : Dictionary<string, string?>;

/// <param name="WindowMinutes">Window length, 1–1080 minutes (default 60).</param>
/// <param name="GraceSeconds">How long after its end a window's value is still accepted (default 300).</param>
/// <param name="SingleUse">Whether a window's value matches only once (default false).</param>
public sealed record Dcvv2SettingsDto(int? WindowMinutes = null, int? GraceSeconds = null, bool? SingleUse = null);

/// <param name="MaxFailures">Consecutive failures that lock the card (default 5).</param>
/// <param name="LockMinutes">How long the card stays locked (default 30).</param>
public sealed record LockoutSettingsDto(int? MaxFailures = null, int? LockMinutes = null);

/// <param name="FrictionlessMaxAmount">Largest amount (minor units) authenticated without a challenge (default 5000).</param>
/// <param name="ChallengeMaxAttempts">Wrong OTPs before a challenge fails (default 3).</param>
public sealed record ThreeDsSettingsDto(long? FrictionlessMaxAmount = null, int? ChallengeMaxAttempts = null);

/// <summary>A BIN range and the keys and settings for its cards. The longest matching prefix wins.</summary>
/// <param name="IccDerivation">EMV ICC master-key derivation for CVC3 and dCVV: option_b (default, EMV: option A up to 16 PAN digits, B above), option_a, or option_b_all_pans (jPOS).</param>
public sealed record CreateCardRangeRequest(
    string PanPrefix, Network Network, RangeKeysDto Keys, Dcvv2SettingsDto? Dcvv2 = null,
    ExpiryFormatName? Cvv2ExpiryFormat = null, LockoutSettingsDto? Lockout = null, ThreeDsSettingsDto? ThreeDs = null,
    IccDerivation? IccDerivation = null) : ICardRangeSettings;

public sealed record CardRangeResponse(
    Guid Id, string PanPrefix, Network Network, RangeKeysDto Keys, Dcvv2SettingsDto Dcvv2,
    ExpiryFormatName Cvv2ExpiryFormat, LockoutSettingsDto Lockout, ThreeDsSettingsDto ThreeDs, IccDerivation IccDerivation, DateTime CreatedAt);

public sealed record CardholderDto(string? Name = null, string? Phone = null, string? Email = null, bool? BankApp = null);

/// <param name="Pan">12–19 digits, Luhn-valid.</param>
/// <param name="Expiry">YYMM.</param>
/// <param name="Psn">PAN sequence number, 2 digits (default 00).</param>
public sealed record RegisterCardRequest(string Pan, string Expiry, string? Psn = null, CardStatus? Status = null, CardholderDto? Cardholder = null);

public sealed record UpdateCardRequest(CardStatus? Status = null, CardholderDto? Cardholder = null);

public sealed record CardResponse(Guid CardId, string MaskedPan, string Expiry, string Psn, CardStatus Status, CardholderDto Cardholder, DateTime CreatedAt);

public sealed record CreateClientRequest(string Name, IReadOnlyList<string> Scopes);

/// <param name="ApiKey">Shown once: only its hash is stored.</param>
public sealed record CreateClientResponse(Guid Id, string Name, IReadOnlyList<string> Scopes, string ApiKey);
