namespace IssuerVerification.Domain.Verification;

/// <summary>What a verification's outcome does to its card's count of consecutive failures.</summary>
public enum LockoutEffect
{
    /// <summary>Nothing: the answer did not depend on a value (card inactive, card already known to be locked).</summary>
    None,
    /// <summary>A match: the count restarts at zero.</summary>
    Reset,
    /// <summary>A no_match: one more failure; the one that reaches the range's maximum locks the card.</summary>
    CountFailure,
}
