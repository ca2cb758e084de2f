namespace IssuerVerification.Domain.Audit;

/// <summary>
/// Where a chain continues after its oldest records expired: the number, link and time of the last record removed. The
/// integrity check starts the chain's next record from it. The link is keyed, so a checkpoint cannot be moved to another
/// record without the chain key.
/// </summary>
public sealed record AuditCheckpoint(string Chain, long Seq, byte[] Link, DateTime At);
