namespace IssuerVerification.Domain.Keys;

/// <summary>A stored key whose wrapping or KCV does not check out (altered, swapped or under an unknown master key): it is never used.</summary>
public sealed class KeyIntegrityException(string alias, Exception inner)
    : Exception($"Key '{alias}' failed its integrity check (wrapping bound to its id, alias, usage, algorithm and KCV, then the KCV of its material); it is refused.", inner);
