namespace IssuerVerification.Domain.Audit;

/// <summary>The outcomes an audit record names.</summary>
public static class AuditOutcomes
{
    public const string Match = "match";
    public const string NoMatch = "no_match";
    public const string Generated = "generated";
    /// <summary>An administrator changed configuration (a range, a key, a client); the record's reason says what.</summary>
    public const string Changed = "changed";
    /// <summary>A request was refused (authentication, authorisation, or an administrative change that failed); the reason says why.</summary>
    public const string Refused = "refused";
    /// <summary>A stored answer was replayed for a repeated idempotency key.</summary>
    public const string Replayed = "replayed";
    /// <summary>A card's lockout started or ended.</summary>
    public const string Locked = "locked";
    public const string Unlocked = "unlocked";
}
