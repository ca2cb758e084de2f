namespace IssuerVerification.Domain.Audit;

/// <summary>The outcomes an audit record names.</summary>
public static class AuditOutcomes
{
    public const string Match = "match";
    public const string NoMatch = "no_match";
    public const string Generated = "generated";
    /// <summary>An administrator changed configuration (a range, a key, a client); the record's reason says what.</summary>
    public const string Changed = "changed";
}
