namespace IssuerVerification.Api.CardVerification;

/// <param name="Dcvv">The dCVV from the track, 3 digits.</param>
public sealed record DcvvVerifyRequest(string Pan, string Expiry, string ServiceCode, string Atc, string Dcvv);
