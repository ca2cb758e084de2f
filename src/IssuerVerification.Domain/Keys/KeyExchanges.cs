using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Common;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Domain.Keys;

/// <summary>
/// Keys in and out under a KEK (docs/key-management.md, "Key exchange"): a TR-31 key block or a TDES-ECB cryptogram in,
/// a TR-31 key block out. A refusal of the provider is the input's fault (the KEK's own integrity is checked first) and
/// stores nothing; every import and export is audited with both keys' KCVs.
/// </summary>
public sealed class KeyExchanges(IKeyStore store, KeyRing ring, IKeyExchange crypto, IAuditLog audit, TimeProvider clock)
{
    public async Task<StoredKey> ImportKeyBlockAsync(
        string alias, KeyUsage usage, bool exportable, string kekAlias, string keyBlock, string client, CancellationToken ct)
    {
        await ring.RequireNewAliasAsync(alias, ct);
        var kek = await KekAsync(kekAlias, ct);
        var imported = Refused("keyBlock", () => crypto.ImportKeyBlock(Guid.NewGuid(), alias, usage, exportable, kek.Handle, keyBlock));
        var key = KeyRing.ToStoredKey(imported.Key, clock, imported.Header.IsLegacy);
        await store.AddAsync(key, ct);
        await AuditAsync(client, "key.import", key, kek, $"tr31-{imported.Header.Version}{(imported.Header.IsLegacy ? " (legacy)" : "")}", ct);
        return key;
    }

    public async Task<StoredKey> ImportCryptogramAsync(
        string alias, KeyUsage usage, KeyAlgorithm algorithm, bool exportable, string kekAlias, byte[] cryptogram, string kcv, string client, CancellationToken ct)
    {
        await ring.RequireNewAliasAsync(alias, ct);
        var kek = await KekAsync(kekAlias, ct);
        var handle = Refused("cryptogram", () => crypto.ImportCryptogram(Guid.NewGuid(), alias, usage, algorithm, exportable, kek.Handle, cryptogram, kcv));
        var key = KeyRing.ToStoredKey(handle, clock);
        await store.AddAsync(key, ct);
        await AuditAsync(client, "key.import", key, kek, "tdes-ecb cryptogram", ct);
        return key;
    }

    /// <summary>The key as a TR-31 key block under the KEK, and its KCV; a key not created exportable (or of a usage never exchanged) is a conflict.</summary>
    public async Task<(string KeyBlock, string Kcv)> ExportAsync(string alias, string kekAlias, string client, CancellationToken ct)
    {
        var key = await ring.IssuerKeyAsync(alias, ct);
        if (!key.Exportable)
        {
            throw new ConflictException($"Key '{alias}' was not created exportable; exportability is set when a key is created, never afterwards.");
        }
        if (!KeyBlockUsages.IsExchangeable(key.Usage))
        {
            throw new ConflictException($"A {key.Usage} key is not exported: no TR-31 key usage keeps it apart from the other keys.");
        }
        key = await ring.FindAsync(alias, ct) ?? throw new NotFoundException($"No key with alias '{alias}'.");
        var kek = await KekAsync(kekAlias, ct);
        var block = Refused("kekAlias", () => crypto.ExportKeyBlock(key.Handle, kek.Handle));
        await AuditAsync(client, "key.export", key, kek, $"tr31-{block[0]}", ct);
        return (block, key.Kcv);
    }

    /// <summary>The active KEK with this alias, its integrity checked; anything else is a bad <c>kekAlias</c>.</summary>
    private async Task<StoredKey> KekAsync(string alias, CancellationToken ct)
    {
        var kek = await ring.FindAsync(alias, ct);
        return kek switch
        {
            null => throw new InvalidFieldException("kekAlias", $"No key with alias '{alias}'."),
            { Usage: not KeyUsage.Kek } => throw new InvalidFieldException("kekAlias", $"Key '{alias}' is a {kek.Usage} key, not a KEK."),
            { Status: not KeyStatus.Active } => throw new InvalidFieldException("kekAlias", $"KEK '{alias}' is retired."),
            _ => kek,
        };
    }

    private static T Refused<T>(string field, Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (CryptoException e)
        {
            throw new InvalidFieldException(field, e.Message);
        }
    }

    private Task AuditAsync(string client, string action, StoredKey key, StoredKey kek, string form, CancellationToken ct) =>
        audit.WriteChangedAsync(clock, client, action,
            $"alias {key.Alias} usage {key.Usage} kcv {key.Kcv} form {form} kek {kek.Alias} kek-kcv {kek.Kcv}{(key.Exportable ? " exportable" : "")}", ct);
}
