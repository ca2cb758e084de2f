namespace IssuerVerification.Domain.Audit;

/// <summary>The outcomes an audit record names.</summary>
public static class AuditOutcomes
{
    public const string Match = "match";
    public const string NoMatch = "no_match";
    public const string Generated = "generated";
}
