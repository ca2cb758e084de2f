namespace IssuerVerification.Domain.Common;

/// <summary>The named resource does not exist.</summary>
public sealed class NotFoundException(string detail) : Exception(detail);
