using IssuerVerification.Domain.CardVerification;
using IssuerVerification.Domain.Verification;

namespace IssuerVerification.Api.CardVerification;

/// <param name="Pan">12–19 digits, Luhn-valid.</param>
/// <param name="Expiry">YYMM, as on the track.</param>
/// <param name="Kind">cvv1 (track), cvv2 (printed) or icvv (chip).</param>
/// <param name="ServiceCode">The card's service code, 3 digits; cvv1 only.</param>
public sealed record CvvGenerateRequest(string Pan, string Expiry, CvvKind Kind, string? ServiceCode = null);

public sealed record CvvGenerateResponse(string Value);

/// <param name="Value">The CVV1, CVV2 or iCVV to verify, 3 digits.</param>
public sealed record CvvVerifyRequest(string Pan, string Expiry, CvvKind Kind, string Value, string? ServiceCode = null);

/// <summary>The outcome of a verification. A failed verification is an answer, not an error.</summary>
/// <param name="Result">match or no_match.</param>
/// <param name="Reason">Why it did not match; null on match.</param>
public sealed record VerifyResponse(VerificationOutcome Result, MismatchReason? Reason)
{
    public static VerifyResponse From(VerificationResult r) => new(r.Result, r.Reason);
}

/// <param name="Psn">PAN sequence number, 2 digits (default: the registered card's, else 00).</param>
/// <param name="TrackData">The card's static track 2 image as personalised, hex with the D separator (IVCVC3 is computed from it). Give this or ivcvc3.</param>
/// <param name="Ivcvc3">The card's IVCVC3, 4 hex. Give this or trackData.</param>
/// <param name="UnpredictableNumber">The terminal's unpredictable number, 8 hex (BCD).</param>
/// <param name="Atc">Application transaction counter, 4 hex.</param>
public sealed record Cvc3GenerateRequest(string Pan, string UnpredictableNumber, string Atc, string? Psn = null, string? TrackData = null, string? Ivcvc3 = null);

/// <param name="Cvc3">5 digits with leading zeros (the kernel puts the rightmost 3 on the track).</param>
/// <param name="Ivcvc3">The IVCVC3 used, 4 hex.</param>
public sealed record Cvc3GenerateResponse(string Cvc3, string Ivcvc3);

/// <param name="Cvc3">3 to 5 digits: the rightmost digits of the card's CVC3, as the track carries them.</param>
public sealed record Cvc3VerifyRequest(string Pan, string UnpredictableNumber, string Atc, string Cvc3, string? Psn = null, string? TrackData = null, string? Ivcvc3 = null);

/// <param name="ServiceCode">The card's track-2 service code, 3 digits.</param>
/// <param name="Atc">Application transaction counter, 4 hex.</param>
public sealed record DcvvGenerateRequest(string Pan, string Expiry, string ServiceCode, string Atc);

public sealed record DcvvGenerateResponse(string Dcvv);

/// <param name="Dcvv">The dCVV from the track, 3 digits.</param>
public sealed record DcvvVerifyRequest(string Pan, string Expiry, string ServiceCode, string Atc, string Dcvv);
