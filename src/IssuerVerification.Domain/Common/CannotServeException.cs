namespace IssuerVerification.Domain.Common;

/// <summary>The request is valid but cannot be served for this card: no card range or key configured, a card not active.</summary>
public sealed class CannotServeException(string code, string title, string detail) : Exception(detail)
{
    /// <summary>Short stable code, e.g. <c>no-card-range</c>.</summary>
    public string Code { get; } = code;
    public string Title { get; } = title;
}
