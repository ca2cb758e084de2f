namespace IssuerVerification.Domain.CardVerification;

/// <summary>Which static card verification value: CVV1 (track), CVV2 (printed) or iCVV (chip track-2 equivalent).</summary>
public enum CvvKind { Cvv1, Cvv2, Icvv }
