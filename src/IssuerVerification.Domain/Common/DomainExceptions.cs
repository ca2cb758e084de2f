namespace IssuerVerification.Domain.Common;

/// <summary>The named resource does not exist (404).</summary>
public sealed class NotFoundException(string detail) : Exception(detail);

/// <summary>The request conflicts with what exists: duplicate alias, PAN already registered (409).</summary>
public sealed class ConflictException(string detail) : Exception(detail);

/// <summary>Input that is well-formed but invalid against stored state, for one field (400).</summary>
public sealed class InvalidFieldException(string field, string detail) : Exception(detail)
{
    public string Field { get; } = field;
}

/// <summary>The request is valid but cannot be served for this card (422), e.g. no card range or key configured.</summary>
public sealed class UnprocessableException(string type, string title, string detail) : Exception(detail)
{
    /// <summary>Short stable problem type, e.g. <c>no-card-range</c>.</summary>
    public string Type { get; } = type;
    public string Title { get; } = title;
}
