namespace IssuerVerification.Api.Audit;

/// <summary>
/// The chains' check: intact, or the first broken record. <see cref="Unchained"/> counts records written before the chain
/// existed, which cannot be verified.
/// </summary>
public sealed record AuditIntegrityResponse(bool Intact, int Chains, long Records, long Unchained, AuditBreakResponse? FirstBroken);

/// <summary>The first record that breaks its chain, and how.</summary>
public sealed record AuditBreakResponse(long Id, string Chain, long Seq, string Problem);
