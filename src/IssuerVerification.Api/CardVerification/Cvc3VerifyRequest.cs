namespace IssuerVerification.Api.CardVerification;

/// <param name="Cvc3">The rightmost digits of the card's CVC3, as the track carries them: as many as the card range's cvc3Digits (3–5 accepted here; another length than the range's is no_match).</param>
public sealed record Cvc3VerifyRequest(string Pan, string UnpredictableNumber, string Atc, string Cvc3, string? Psn = null, string? TrackData = null, string? Ivcvc3 = null);
