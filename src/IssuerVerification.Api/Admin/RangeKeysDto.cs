namespace IssuerVerification.Api.Admin;

/// <summary>Key aliases by slot name (cvv1, cvv2, icvv, dcvv2, cvc3, dcvv, cavv, aav); the OpenAPI schema lists the slots.</summary>
public sealed class RangeKeysDto : Dictionary<string, string?>;
