using IssuerVerification.Crypto.Algorithms;
using IssuerVerification.Crypto.Signing;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Keys;

/// <summary>
/// A key unwrapped once and kept ready for use: the clear material, and for TDES keys the
/// initialised engines, for EC keys the parsed signing key. It remembers the exact wrapped bytes it
/// came from, so a handle matches it only with the same id, alias, usage, algorithm, KCV and blob.
/// </summary>
internal sealed class UnwrappedKey
{
    private readonly byte[] _wrapped;
    private readonly TdesKey? _tdes;
    private readonly EcSigningKey? _signing;

    public UnwrappedKey(KeyHandle handle, byte[] material)
    {
        Alias = handle.Alias;
        Kcv = handle.Kcv;
        Usage = handle.Usage;
        Algorithm = handle.Algorithm;
        _wrapped = handle.Wrapped.ToArray();
        Material = material;
        _tdes = Algorithm == KeyAlgorithm.Tdes2Key ? new TdesKey(material) : null;
        _signing = Algorithm == KeyAlgorithm.EcP256 ? new EcSigningKey(material) : null;
    }

    public string Alias { get; }

    public string Kcv { get; }

    public KeyUsage Usage { get; }

    public KeyAlgorithm Algorithm { get; }

    public byte[] Material { get; }

    public TdesKey Tdes => _tdes ?? throw new CryptoException("Not a TDES key.");

    public EcSigningKey Signing => _signing ?? throw new CryptoException("Not an EC signing key.");

    public bool Matches(KeyHandle handle) =>
        handle.Usage == Usage && handle.Algorithm == Algorithm && handle.Alias == Alias && handle.Kcv == Kcv
        && handle.Wrapped.AsSpan().SequenceEqual(_wrapped);
}
