namespace IssuerVerification.Domain.Audit;

/// <summary>
/// The result of checking every chain: how many chains and records were verified, how many records predate the chain
/// (<see cref="AuditTrail.Unchained"/>, counted, not verifiable), and the first record that breaks a chain, if any.
/// </summary>
public sealed record AuditIntegrity(bool Intact, int Chains, long Records, long Unchained, AuditBreak? FirstBroken);

/// <summary>A record that breaks its chain: changed (its seal does not verify) or after a gap (a record before it is missing or moved).</summary>
public sealed record AuditBreak(long Id, string Chain, long Seq, string Problem);
