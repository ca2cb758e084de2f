using System.Collections.Concurrent;
using IssuerVerification.Crypto.Keys;
using IssuerVerification.Domain.Crypto;
using Net.Pkcs11Interop.HighLevelAPI;

namespace IssuerVerification.Crypto.Pkcs11;

/// <summary>
/// The crypto provider on a PKCS#11 token: every key is a non-extractable, sensitive token object allowed only the
/// operations its usage needs, and the store keeps its label (<see cref="TokenLabels"/>) and KCV. Each operation runs on one
/// pooled session (<see cref="TokenSessions"/>); a key is found and its KCV re-checked in the token once per connection.
/// See docs/crypto-provider.md, "The PKCS#11 provider".
/// </summary>
public sealed partial class Pkcs11CryptoProvider : ICryptoProvider, IKeyExchange, IDisposable
{
    private readonly TokenSessions _sessions;
    private readonly ConcurrentDictionary<Guid, TokenKey> _keys = new();

    public Pkcs11CryptoProvider(Pkcs11Settings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _sessions = new TokenSessions(settings);
    }

    /// <summary>How many sessions the pool holds at most (known once the token was reached).</summary>
    public int SessionPoolSize => _sessions.Size;

    public KeyHandle GenerateKey(Guid id, string alias, KeyUsage usage, KeyAlgorithm algorithm, bool exportable = false)
    {
        KeySpec.RequirePair(usage, algorithm);
        return Run(session => Created(session, new KeyHandle(id, alias, usage, algorithm, "", [], exportable), TokenObjects.Generate));
    }

    public KeyHandle ImportKey(Guid id, string alias, KeyUsage usage, KeyAlgorithm algorithm, IReadOnlyList<byte[]> components, bool exportable = false)
    {
        KeySpec.RequirePair(usage, algorithm);
        var material = KeyMaterial.Combine(algorithm, components);
        try
        {
            return Run(session => Created(session, new KeyHandle(id, alias, usage, algorithm, "", [], exportable), material));
        }
        finally
        {
            Array.Clear(material);
        }
    }

    public string CheckValue(KeyHandle key) => Run(session => Resolve(session, key).Handle.Kcv);

    public bool IsCurrent(KeyHandle key) => HasCurrentFormat(key);

    /// <summary>A token key never needs re-wrapping; a key wrapped by the software provider must be moved in first.</summary>
    public bool HasCurrentFormat(KeyHandle key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return TokenLabels.IsReference(key.Wrapped);
    }

    public KeyHandle Rewrap(KeyHandle key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return HasCurrentFormat(key) ? key
            : throw new CryptoException($"Key '{key.Alias}' is wrapped by the software provider: move it into the token first (docs/crypto-provider.md, \"Switching\").");
    }

    /// <summary>
    /// Creates the objects of a new key, then its handle with the KCV computed by the token from them. Ids are new GUIDs,
    /// so labels are unique without searching the token first.
    /// </summary>
    private KeyHandle Created(ISession session, KeyHandle metadata, Func<ISession, string, KeyHandle, int, TokenKey> create)
    {
        var label = TokenLabels.Of(metadata);
        TokenKey created;
        using (TokenObjects.Catalogue.EnterScope())
        {
            created = create(session, label, metadata, _sessions.Generation);
        }
        try
        {
            var handle = metadata with { Kcv = TokenObjects.CheckValue(session, created), Wrapped = TokenLabels.Reference(label) };
            _keys[handle.Id] = created with { Handle = handle };
            return handle;
        }
        catch
        {
            TokenObjects.Destroy(session, label);
            throw;
        }
    }

    /// <summary>Creates the objects of a new key from its clear <paramref name="material"/> (which the caller zeroes).</summary>
    private KeyHandle Created(ISession session, KeyHandle metadata, byte[] material) =>
        Created(session, metadata, (s, label, key, generation) => TokenObjects.Import(s, label, key, material, generation));

    /// <summary>The key if its usage is <paramref name="usage"/> (or <paramref name="alternative"/>).</summary>
    private TokenKey Use(ISession session, KeyHandle key, string operation, KeyUsage usage, KeyUsage? alternative = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Usage != usage && key.Usage != alternative)
        {
            throw new CryptoException($"A {key.Usage} key cannot be used for {operation}.");
        }

        return Resolve(session, key);
    }

    /// <summary>The objects of exactly this handle, found and KCV-checked once per connection to the token.</summary>
    private TokenKey Resolve(ISession session, KeyHandle key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var generation = _sessions.Generation;
        if (_keys.TryGetValue(key.Id, out var cached) && key.Wrapped is not null && cached.Matches(key, generation))
        {
            return cached;
        }

        KeySpec.RequirePair(key.Usage, key.Algorithm);
        var found = TokenObjects.Find(session, TokenLabels.Require(key), key, generation);
        if (TokenObjects.CheckValue(session, found) != key.Kcv)
        {
            throw new CryptoException($"Key check value mismatch: the token's key '{key.Alias}' does not have its stored KCV; the key is refused.");
        }
        if (key.Algorithm != KeyAlgorithm.EcP256 && TokenObjects.IsExtractable(session, found) != key.Exportable)
        {
            throw new CryptoException($"The token's key '{key.Alias}' is {(key.Exportable ? "not " : "")}exportable, unlike its stored handle; the key is refused.");
        }
        _keys[key.Id] = found;
        return found;
    }

    /// <summary>Runs an operation on a pooled session (internal: tests inspect the token through it).</summary>
    internal T Run<T>(Func<ISession, T> operation) => _sessions.Run(operation);

    public void Dispose()
    {
        _keys.Clear();
        _sessions.Dispose();
    }
}
