namespace IssuerVerification.Api.CardVerification;

/// <param name="Cvc3">3 to 5 digits: the rightmost digits of the card's CVC3, as the track carries them.</param>
public sealed record Cvc3VerifyRequest(string Pan, string UnpredictableNumber, string Atc, string Cvc3, string? Psn = null, string? TrackData = null, string? Ivcvc3 = null);
