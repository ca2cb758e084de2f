namespace IssuerVerification.Api.Dcvv2;

/// <param name="Values">In window order; the first is the current window.</param>
public sealed record Dcvv2GenerateResponse(string MaskedPan, int WindowMinutes, IReadOnlyList<Dcvv2ValueDto> Values);
