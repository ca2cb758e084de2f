using System.Security.Cryptography;

namespace IssuerVerification.Domain.Audit;

/// <summary>
/// Follows records given chain by chain, each chain in its order, from the chain's checkpoint (or its start), checking each
/// record's number and seal. Used by the integrity check and by audit retention, which verifies what it removes.
/// </summary>
public sealed class AuditChainWalk(IAuditMac mac, IReadOnlyDictionary<string, AuditCheckpoint> checkpoints)
{
    private readonly AuditChain _chain = new(mac);
    private string? _current;
    private AuditCheckpoint? _checkpoint;
    private byte[] _link = AuditChain.Start();
    private long _next;
    private DateTime _at;

    public int Chains { get; private set; }

    /// <summary>Where the current chain stands after its last verified record: the checkpoint once the records up to it are gone.</summary>
    public AuditCheckpoint Head => new(_current!, _next - 1, _link, _at);

    /// <summary>
    /// Checks the next record: null when it verifies, or when it lies behind its chain's checkpoint (it was verified when
    /// the checkpoint was taken and its removal is not finished); otherwise what is wrong with it.
    /// </summary>
    public string? Step(AuditEntry record)
    {
        if (record.Chain != _current)
        {
            _current = record.Chain;
            _checkpoint = checkpoints.GetValueOrDefault(record.Chain);
            (_next, _link, _at) = _checkpoint is { } c ? (c.Seq + 1, c.Link, c.At) : (0, AuditChain.Start(), default);
            Chains++;
        }
        if (record.Seq <= _checkpoint?.Seq)
        {
            return null;
        }
        if (record.Seq != _next)
        {
            return $"Record {_next} of the chain is missing or out of place: the next record is number {record.Seq}.";
        }
        var link = _chain.Link(_link, record);
        if (!CryptographicOperations.FixedTimeEquals(_chain.Seal(link, record.Outcome, record.Reason), record.Mac))
        {
            return "The record was changed, moved or not written by this service: its seal does not verify.";
        }
        (_link, _next, _at) = (link, _next + 1, record.At);
        return null;
    }
}
