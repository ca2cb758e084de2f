namespace IssuerVerification.Domain.Common;

/// <summary>The request conflicts with what exists: a duplicate alias, a PAN already registered.</summary>
public sealed class ConflictException(string detail) : Exception(detail);
