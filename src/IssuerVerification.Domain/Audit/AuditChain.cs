using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace IssuerVerification.Domain.Audit;

/// <summary>
/// The keyed hash chain of audit records (docs/audit.md). Each writer keeps its own chain (a random id) numbered from 0.
/// A record's link is HMAC(previous link ‖ chain ‖ seq ‖ every field but outcome and reason) and its stored
/// <see cref="AuditEntry.Mac"/> is HMAC(link ‖ outcome ‖ reason): the writer seals both outcomes a decision can end with
/// (as proposed, or card_locked) and the store keeps the one that stands, without changing the chain.
/// </summary>
public sealed class AuditChain(IAuditMac mac)
{
    public const int MacSize = 32;
    private readonly ArrayBufferWriter<byte> _buffer = new(512);

    /// <summary>The link before a chain's first record.</summary>
    public static byte[] Start() => new byte[MacSize];

    /// <summary>A new chain's id: 128 random bits.</summary>
    public static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>The timestamp as stored: whole microseconds, the precision of both stores.</summary>
    public static DateTime Stored(DateTime at) => new(at.Ticks - at.Ticks % 10, DateTimeKind.Utc);

    public byte[] Link(ReadOnlySpan<byte> previous, AuditEntry e)
    {
        _buffer.ResetWrittenCount();
        _buffer.Write("iv-audit-link-1"u8);
        _buffer.Write(previous);
        Text(e.Chain);
        Number(e.Seq);
        Number(e.At.Ticks);
        Text(e.RequestId);
        Text(e.Client);
        Text(e.Source);
        Text(e.Action);
        Text(e.Target);
        Bytes(e.CardFingerprint);
        return Hash();
    }

    public byte[] Seal(ReadOnlySpan<byte> link, string outcome, string? reason)
    {
        _buffer.ResetWrittenCount();
        _buffer.Write("iv-audit-seal-1"u8);
        _buffer.Write(link);
        Text(outcome);
        Text(reason);
        return Hash();
    }

    private byte[] Hash()
    {
        var result = new byte[MacSize];
        mac.Compute(_buffer.WrittenSpan, result);
        return result;
    }

    private void Number(long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    private void Text(string? value) => Bytes(value is null ? null : Encoding.UTF8.GetBytes(value));

    /// <summary>Length-prefixed (−1: absent), so no two field lists encode alike.</summary>
    private void Bytes(byte[]? value)
    {
        BinaryPrimitives.WriteInt32BigEndian(_buffer.GetSpan(4), value?.Length ?? -1);
        _buffer.Advance(4);
        if (value is not null)
        {
            _buffer.Write(value);
        }
    }
}
