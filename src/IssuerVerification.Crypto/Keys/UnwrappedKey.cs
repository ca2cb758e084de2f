using System.Security.Cryptography;
using IssuerVerification.Crypto.Algorithms;
using IssuerVerification.Crypto.Signing;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Keys;

/// <summary>
/// A key unwrapped once and kept ready for use: the clear material in a pinned array (the garbage collector never copies
/// it elsewhere) that <see cref="Dispose"/> zeroes, and for TDES keys the initialised engines, for EC keys the parsed
/// signing key. It remembers the exact wrapped bytes it came from, so a handle matches it only with the same id, alias,
/// usage, algorithm, KCV, exportability and blob; a rewrap adds the new blob to the same clear copy (<see cref="Accept"/>).
/// </summary>
internal sealed class UnwrappedKey : IDisposable
{
    private readonly TdesKey? _tdes;
    private readonly EcSigningKey? _signing;
    private byte[][] _wrapped;

    /// <param name="material">The clear material: copied into a pinned array and zeroed.</param>
    public UnwrappedKey(KeyHandle handle, byte[] material)
    {
        Alias = handle.Alias;
        Kcv = handle.Kcv;
        Usage = handle.Usage;
        Algorithm = handle.Algorithm;
        Exportable = handle.Exportable;
        _wrapped = [handle.Wrapped.ToArray()];
        Material = Pinned(material);
        _tdes = Algorithm == KeyAlgorithm.Tdes2Key ? new TdesKey(Material) : null;
        _signing = Algorithm == KeyAlgorithm.EcP256 ? new EcSigningKey(Material) : null;
    }

    public string Alias { get; }

    public string Kcv { get; }

    public KeyUsage Usage { get; }

    public KeyAlgorithm Algorithm { get; }

    public bool Exportable { get; }

    public byte[] Material { get; }

    public TdesKey Tdes => _tdes ?? throw new CryptoException("Not a TDES key.");

    public EcSigningKey Signing => _signing ?? throw new CryptoException("Not an EC signing key.");

    /// <summary>A pinned copy of <paramref name="clear"/>, which is zeroed.</summary>
    public static byte[] Pinned(byte[] clear)
    {
        var pinned = GC.AllocateArray<byte>(clear.Length, pinned: true);
        clear.CopyTo(pinned, 0);
        CryptographicOperations.ZeroMemory(clear);
        return pinned;
    }

    public bool Matches(KeyHandle handle)
    {
        if (handle.Usage != Usage || handle.Algorithm != Algorithm || handle.Alias != Alias || handle.Kcv != Kcv || handle.Exportable != Exportable)
        {
            return false;
        }
        foreach (var wrapped in _wrapped)
        {
            if (handle.Wrapped.AsSpan().SequenceEqual(wrapped))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Takes the blobs of <paramref name="other"/>, the same key unwrapped from another blob (a rewrap, or a concurrent
    /// miss), so that one clear copy serves both; false when it is not the same key.
    /// </summary>
    public bool Accept(UnwrappedKey other)
    {
        if (other.Usage != Usage || other.Algorithm != Algorithm || other.Alias != Alias || other.Kcv != Kcv || other.Exportable != Exportable
            || !CryptographicOperations.FixedTimeEquals(other.Material, Material))
        {
            return false;
        }
        lock (this)
        {
            _wrapped = [.. _wrapped, .. other._wrapped.Where(w => !_wrapped.Any(w.SequenceEqual))];
        }
        return true;
    }

    /// <summary>Zeroes the clear material (and the EC private scalar). The BouncyCastle DES key schedules cannot be reached.</summary>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(Material);
        _signing?.Clear();
    }
}
