using System.Collections.Concurrent;
using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.ThreeDSecure;

namespace IssuerVerification.Store.Stores;

/// <summary>
/// This process's history chains: a few of them, so that that many authentications can be written at once, each chain
/// still written one record after the other. The last chain given back is the next taken, so that a process under little
/// load writes one chain (a record removed from the end of a chain is the one change a chain cannot show: docs/3ds.md). A chain is taken for one transaction and given back with whether that
/// transaction committed; after a failure (written or not: unknown) its place gets a new chain, so no chain links to a
/// record that may not exist.
/// </summary>
internal sealed class HistoryChains : IDisposable
{
    public const int Count = 16;
    private readonly ConcurrentStack<HistoryHead> _free = new();
    private readonly SemaphoreSlim _available = new(Count, Count);
    private readonly IAuditMac _mac;

    public HistoryChains(IAuditMac mac)
    {
        _mac = mac;
        for (var i = 0; i < Count; i++)
        {
            _free.Push(New());
        }
    }

    public void Dispose() => _available.Dispose();

    public async Task<HistoryHead> TakeAsync(CancellationToken ct)
    {
        await _available.WaitAsync(ct);
        return _free.TryPop(out var head) ? head : throw new InvalidOperationException("A history chain was taken twice.");
    }

    public void Return(HistoryHead head, ThreeDsHistoryRecord? committed)
    {
        _free.Push(committed is null ? New() : head with { Next = committed.Seq + 1, Link = committed.Link });
        _available.Release();
    }

    private HistoryHead New() => new(AuditChain.NewId(), 0, AuditChain.Start(), new HistoryChain(_mac));
}

internal sealed record HistoryHead(string Id, long Next, byte[] Link, HistoryChain Chain)
{
    public ThreeDsHistoryRecord Append(ThreeDsHistoryRecord record) => Append([record])[0];

    /// <summary>The records chained one after the other from this head.</summary>
    public IReadOnlyList<ThreeDsHistoryRecord> Append(IEnumerable<ThreeDsHistoryRecord> records)
    {
        var chained = new List<ThreeDsHistoryRecord>();
        var (next, link) = (Next, Link);
        foreach (var record in records)
        {
            var appended = Chain.Append(link, Id, next, record);
            chained.Add(appended);
            (next, link) = (appended.Seq + 1, appended.Link);
        }
        return chained;
    }
}
