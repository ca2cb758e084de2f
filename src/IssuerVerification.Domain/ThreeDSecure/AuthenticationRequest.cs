using IssuerVerification.Domain.Cards;

namespace IssuerVerification.Domain.ThreeDSecure;

/// <summary>
/// What the ACS uses of a valid AReq. <paramref name="Canonical"/> is the whole AReq as received (it is only hashed, with the
/// secret-hashing key, to recognise a replay); <paramref name="Trace"/> is the AReq as the history keeps it.
/// </summary>
public sealed record AuthenticationRequest(
    string MessageVersion, string ThreeDsServerTransId, DeviceChannel Channel, MessageCategory Category, Pan Pan,
    long? Amount, string? Currency, int? Exponent, string? MerchantName, string? ChallengeIndicator, string? NotificationUrl,
    byte[] Canonical, ThreeDsMessage Trace);

/// <summary>EMV <c>deviceChannel</c>: <c>01</c> app, <c>02</c> browser.</summary>
public enum DeviceChannel { App = 1, Browser = 2 }

/// <summary>EMV <c>messageCategory</c>: <c>01</c> payment, <c>02</c> non-payment.</summary>
public enum MessageCategory { Payment = 1, NonPayment = 2 }
