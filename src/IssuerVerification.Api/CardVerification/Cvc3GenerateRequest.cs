namespace IssuerVerification.Api.CardVerification;

/// <param name="Psn">PAN sequence number, 2 digits (default: the registered card's, else 00).</param>
/// <param name="TrackData">The card's static track 2 image as personalised, hex with the D separator (IVCVC3 is computed from it). Give this or ivcvc3.</param>
/// <param name="Ivcvc3">The card's IVCVC3, 4 hex. Give this or trackData.</param>
/// <param name="UnpredictableNumber">The terminal's unpredictable number, 8 hex (BCD).</param>
/// <param name="Atc">Application transaction counter, 4 hex.</param>
public sealed record Cvc3GenerateRequest(string Pan, string UnpredictableNumber, string Atc, string? Psn = null, string? TrackData = null, string? Ivcvc3 = null);
