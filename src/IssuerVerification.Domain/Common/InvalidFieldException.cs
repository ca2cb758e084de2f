namespace IssuerVerification.Domain.Common;

/// <summary>Input that is well-formed but invalid against stored state, for one field.</summary>
public sealed class InvalidFieldException(string field, string detail) : Exception(detail)
{
    public string Field { get; } = field;
}
