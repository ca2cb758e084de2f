namespace IssuerVerification.Api.CardVerification;

/// <param name="Cvc3">5 digits with leading zeros (the kernel puts the rightmost 3 on the track).</param>
/// <param name="Ivcvc3">The IVCVC3 used, 4 hex.</param>
public sealed record Cvc3GenerateResponse(string Cvc3, string Ivcvc3);
