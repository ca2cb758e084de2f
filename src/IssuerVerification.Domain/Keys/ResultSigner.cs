using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Domain.Keys;

/// <summary>
/// Signs results and callbacks (JWS ES256) under the newest ResultSigning system key, generated at first use and kept wrapped
/// in the key store like every key; receivers verify with its public key from <c>/.well-known/jwks.json</c>.
/// <see cref="RotateAsync"/> adds a new key that signs at once (on other replicas within <see cref="KeyRing.CacheLifetime"/>);
/// a replaced key's public key stays published for <see cref="SigningKeyOptions.PreviousKeyLifetime"/> after its successor
/// was created, so what it signed can still be checked.
/// </summary>
public sealed class ResultSigner(ISigning crypto, KeyRing keys, IKeyStore store, IAuditLog audit, SigningKeyOptions options, TimeProvider clock)
{
    private const string BaseAlias = "system-resultsigning";
    private (IReadOnlyList<StoredKey> Keys, DateTimeOffset At)? _cache;

    public async Task<string> SignAsync(byte[] payload, CancellationToken ct) =>
        crypto.SignJws((await CurrentAsync(ct)).Handle, payload);

    /// <summary>The public signing keys as JWKs (<c>kid</c> = RFC 7638 thumbprint): the current one and those still published.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> PublicKeysAsync(CancellationToken ct)
    {
        var all = await SigningKeysAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return [.. all.Where((k, i) => i == all.Count - 1 || all[i + 1].CreatedAt + options.PreviousKeyLifetime > now)
            .Reverse().Select(k => crypto.PublicJwk(k.Handle))];
    }

    /// <summary>A new signing key, used from now on; returns its public JWK.</summary>
    public async Task<IReadOnlyDictionary<string, string>> RotateAsync(string client, CancellationToken ct)
    {
        await keys.SystemKeyAsync(KeyUsage.ResultSigning, ct); // the first key exists before its successor
        var alias = $"{BaseAlias}-{clock.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}"[..60];
        var key = await keys.CreateAsync(alias, KeyUsage.ResultSigning, KeyUsages.AlgorithmOf(KeyUsage.ResultSigning), null, exportable: false, ct);
        _cache = null;
        await audit.WriteChangedAsync(clock, client, "signing-key.rotate", alias, ct);
        return crypto.PublicJwk(key.Handle);
    }

    private async Task<StoredKey> CurrentAsync(CancellationToken ct)
    {
        var current = (await SigningKeysAsync(ct))[^1];
        // Through the key ring: a key whose stored row does not check out is never used.
        return await keys.FindAsync(current.Alias, ct) ?? current;
    }

    /// <summary>Every ResultSigning key, oldest first (the first one created on first use).</summary>
    private async Task<IReadOnlyList<StoredKey>> SigningKeysAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_cache is { } cached && now - cached.At <= KeyRing.CacheLifetime)
        {
            return cached.Keys;
        }
        await keys.SystemKeyAsync(KeyUsage.ResultSigning, ct);
        var all = (await store.ListAsync(ct))
            .Where(k => k.Usage == KeyUsage.ResultSigning && k.Alias.StartsWith(BaseAlias, StringComparison.Ordinal))
            .OrderBy(k => k.CreatedAt).ThenBy(k => k.Alias, StringComparer.Ordinal).ToList();
        _cache = (all, now);
        return all;
    }
}

/// <summary><c>Signing:PreviousKeyDays</c> (default 30): how long a replaced signing key's public key stays in the JWKS.</summary>
public sealed record SigningKeyOptions(TimeSpan PreviousKeyLifetime)
{
    public static readonly SigningKeyOptions Default = new(TimeSpan.FromDays(30));
}
