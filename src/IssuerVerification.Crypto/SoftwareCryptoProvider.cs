using System.Collections.Concurrent;
using IssuerVerification.Crypto.Keys;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto;

/// <summary>
/// The crypto provider in software: keys wrapped with AES-256-GCM under a 32-byte master key
/// (previous master keys still unwrap, for rotation), unwrapped once per key, checked against their KCV
/// and kept with initialised engines. Clear key material and the master keys sit in pinned arrays, zeroed by
/// <see cref="Dispose"/>. See docs/crypto-provider.md, "What the software provider cannot protect".
/// </summary>
public sealed partial class SoftwareCryptoProvider : ICryptoProvider, IDisposable
{
    private readonly MasterKey _current;
    private readonly MasterKey[] _masterKeys;
    private readonly ConcurrentDictionary<Guid, UnwrappedKey> _keys = new();
    private volatile bool _disposed;

    /// <param name="masterKey">The current master key, 32 bytes.</param>
    /// <param name="previousMasterKeys">Older master keys (32 bytes each) that may still wrap stored keys.</param>
    public SoftwareCryptoProvider(byte[] masterKey, IEnumerable<byte[]>? previousMasterKeys = null)
    {
        _current = new MasterKey(masterKey, nameof(masterKey));
        _masterKeys = [_current, .. (previousMasterKeys ?? []).Select(key => new MasterKey(key, nameof(previousMasterKeys)))];
    }

    public KeyHandle GenerateKey(Guid id, string alias, KeyUsage usage, KeyAlgorithm algorithm, bool exportable = false)
    {
        KeySpec.RequirePair(usage, algorithm);
        return Wrap(new KeyHandle(id, alias, usage, algorithm, "", [], exportable), KeyMaterial.Generate(algorithm));
    }

    public KeyHandle ImportKey(Guid id, string alias, KeyUsage usage, KeyAlgorithm algorithm, IReadOnlyList<byte[]> components, bool exportable = false)
    {
        KeySpec.RequirePair(usage, algorithm);
        return Wrap(new KeyHandle(id, alias, usage, algorithm, "", [], exportable), KeyMaterial.Combine(algorithm, components));
    }

    public string CheckValue(KeyHandle key) => KeyCheckValue.Compute(Resolve(key));

    public bool IsCurrent(KeyHandle key) => HasCurrentFormat(key) && KeyWrap.MasterKeyId(key.Wrapped) == _current.Id;

    public bool HasCurrentFormat(KeyHandle key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return KeyWrap.KeyFormat(key.Wrapped) == KeyWrap.Current;
    }

    public KeyHandle Rewrap(KeyHandle key)
    {
        ArgumentNullException.ThrowIfNull(key);
        KeySpec.RequirePair(key.Usage, key.Algorithm);
        var material = Unwrap(key);
        try
        {
            return key with { Wrapped = KeyWrap.WrapKey(_current, key, material) };
        }
        finally
        {
            Array.Clear(material);
        }
    }

    /// <summary>Wraps <paramref name="material"/> (then zeroed) as the key <paramref name="key"/> describes, with its KCV.</summary>
    private KeyHandle Wrap(KeyHandle key, byte[] material)
    {
        try
        {
            var metadata = key with { Kcv = KeyCheckValue.Of(key.Algorithm, material), Wrapped = [] };
            return metadata with { Wrapped = KeyWrap.WrapKey(_current, metadata, material) };
        }
        finally
        {
            Array.Clear(material);
        }
    }

    /// <summary>The key if its usage is <paramref name="usage"/> (or <paramref name="alternative"/>).</summary>
    private UnwrappedKey Use(KeyHandle key, string operation, KeyUsage usage, KeyUsage? alternative = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Usage != usage && key.Usage != alternative)
        {
            throw new CryptoException($"A {key.Usage} key cannot be used for {operation}.");
        }

        return Resolve(key);
    }

    /// <summary>
    /// The cached unwrapped key for exactly this handle; unwraps (and authenticates, and re-checks the KCV) on a miss. One clear copy per key id:
    /// a key unwrapped again from another blob (after a rewrap, or by a concurrent miss) joins the cached copy, and the
    /// new copy is zeroed at once; cached copies are zeroed when the provider is disposed.
    /// </summary>
    private UnwrappedKey Resolve(KeyHandle key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_keys.TryGetValue(key.Id, out var cached) && key.Wrapped is not null && cached.Matches(key))
        {
            return cached;
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        KeySpec.RequirePair(key.Usage, key.Algorithm);
        var unwrapped = new UnwrappedKey(key, Unwrap(key));
        var kept = _keys.GetOrAdd(key.Id, unwrapped);
        if (kept == unwrapped)
        {
            return kept;
        }

        var same = kept.Accept(unwrapped);
        unwrapped.Dispose();
        return same ? kept : throw new CryptoException("Two wrapped keys with one id hold different keys.");
    }

    /// <summary>Zeroes every cached clear key and the master keys; the provider cannot be used afterwards.</summary>
    public void Dispose()
    {
        _disposed = true;
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
        _keys.Clear();
        foreach (var masterKey in _masterKeys)
        {
            masterKey.Dispose();
        }
    }

    /// <summary>The clear material of a key whose wrapping authenticates under a configured master key and whose KCV matches.</summary>
    private byte[] Unwrap(KeyHandle key)
    {
        var format = KeyWrap.KeyFormat(key.Wrapped);
        var material = Unwrap(key.Wrapped, masterKey => KeyWrap.TryUnwrapKey(masterKey, key), format == KeyWrap.Current
            ? "Key wrapping check failed: the wrapped key was altered or belongs to another key id, alias, usage, algorithm or KCV."
            : "Key wrapping check failed: the wrapped key was altered or belongs to another key id, usage or algorithm.");
        if (KeyCheckValue.Of(key.Algorithm, material) != key.Kcv)
        {
            Array.Clear(material);
            throw new CryptoException($"Key check value mismatch: the material of key '{key.Alias}' does not have its stored KCV; the key is refused.");
        }

        return material;
    }

    private byte[] Unwrap(byte[] wrapped, Func<MasterKey, byte[]?> tryUnwrap, string altered)
    {
        var masterKeyId = KeyWrap.MasterKeyId(wrapped);
        var known = false;
        foreach (var masterKey in _masterKeys)
        {
            if (masterKey.Id != masterKeyId)
            {
                continue;
            }

            known = true;
            if (tryUnwrap(masterKey) is { } material)
            {
                return material;
            }
        }

        throw new CryptoException(known ? altered : "The key is wrapped under a master key this provider does not hold.");
    }
}
