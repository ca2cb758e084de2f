using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using IssuerVerification.Domain.Audit;

namespace IssuerVerification.Domain.ThreeDSecure;

/// <summary>
/// The keyed hash chain of the authentication history (docs/3ds.md), computed like the audit chain under the AuditChain key:
/// each writer appends to its own chain (a random id, numbered from 0), and a record's link is
/// HMAC(previous link ‖ chain ‖ seq ‖ every field of the record). Not thread-safe: one instance per chain.
/// </summary>
public sealed class HistoryChain(IAuditMac mac)
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly List<KeyValuePair<string, string?>> _fields = [];

    /// <summary>The record with its chain, number and link.</summary>
    public ThreeDsHistoryRecord Append(ReadOnlySpan<byte> previous, string chain, long seq, ThreeDsHistoryRecord record)
    {
        var chained = record with { Chain = chain, Seq = seq, CreatedAt = AuditChain.Stored(record.CreatedAt), CompletedAt = AuditChain.Stored(record.CompletedAt) };
        return chained with { Link = Link(previous, chained) };
    }

    public byte[] Link(ReadOnlySpan<byte> previous, ThreeDsHistoryRecord r)
    {
        _buffer.ResetWrittenCount();
        _buffer.Write("iv-3ds-history-1"u8);
        _buffer.Write(previous);
        Text(r.Chain);
        Number(r.Seq);
        Text(r.AcsTransId.ToString());
        Text(r.ThreeDsServerTransId);
        Text(r.MaskedPan);
        Text(r.Bin);
        Text(r.Last4);
        Number((long)r.Network);
        Number((long)r.Channel);
        Number((long)r.Category);
        Text(r.TransStatus);
        Text(r.TransStatusReason);
        Text(r.Eci);
        Number(r.Amount ?? -1);
        Text(r.Currency);
        Number(r.Exponent ?? -1);
        Text(r.MerchantName);
        Number(r.CreatedAt.Ticks);
        Number(r.CompletedAt.Ticks);
        Number(r.Trace.Count);
        foreach (var message in r.Trace)
        {
            Text(message.Type);
            Number(AuditChain.Stored(message.At).Ticks);
            Number(message.Fields.Count);
            _fields.Clear();
            _fields.AddRange(message.Fields);
            _fields.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
            foreach (var (name, value) in _fields)
            {
                Text(name);
                Text(value);
            }
        }
        var link = new byte[AuditChain.MacSize];
        mac.Compute(_buffer.WrittenSpan, link);
        return link;
    }

    private void Number(long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    /// <summary>Length-prefixed (−1: absent), so no two field lists encode alike.</summary>
    private void Text(string? value)
    {
        if (value is null)
        {
            Length(-1);
            return;
        }
        var span = _buffer.GetSpan(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        var length = Encoding.UTF8.GetBytes(value, span[4..]);
        BinaryPrimitives.WriteInt32BigEndian(span, length);
        _buffer.Advance(4 + length);
    }

    private void Length(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
    }
}
