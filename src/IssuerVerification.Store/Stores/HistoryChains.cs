using System.Threading.Channels;
using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.ThreeDSecure;

namespace IssuerVerification.Store.Stores;

/// <summary>
/// This process's history chains: a few of them, so that that many authentications can be written at once, each chain
/// still written one record after the other. A chain is taken for one transaction and given back with whether that
/// transaction committed; after a failure (written or not: unknown) its place gets a new chain, so no chain links to a
/// record that may not exist.
/// </summary>
internal sealed class HistoryChains
{
    public const int Count = 16;
    private readonly Channel<HistoryHead> _free = Channel.CreateUnbounded<HistoryHead>();
    private readonly IAuditMac _mac;

    public HistoryChains(IAuditMac mac)
    {
        _mac = mac;
        for (var i = 0; i < Count; i++)
        {
            _free.Writer.TryWrite(New());
        }
    }

    public ValueTask<HistoryHead> TakeAsync(CancellationToken ct) => _free.Reader.ReadAsync(ct);

    public void Return(HistoryHead head, ThreeDsHistoryRecord? committed) =>
        _free.Writer.TryWrite(committed is null ? New() : head with { Next = committed.Seq + 1, Link = committed.Link });

    private HistoryHead New() => new(AuditChain.NewId(), 0, AuditChain.Start(), new HistoryChain(_mac));
}

internal sealed record HistoryHead(string Id, long Next, byte[] Link, HistoryChain Chain)
{
    public ThreeDsHistoryRecord Append(ThreeDsHistoryRecord record) => Chain.Append(Link, Id, Next, record);
}
