namespace IssuerVerification.Domain.Dcvv2;

public sealed record Dcvv2Issue(string MaskedPan, int WindowMinutes, IReadOnlyList<Dcvv2Value> Values);
