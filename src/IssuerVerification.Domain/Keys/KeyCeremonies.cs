using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Common;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Domain.Keys;

/// <summary>
/// Key ceremonies: opened by an admin, one component per custodian (never twice the same client), the key created in
/// the same transaction that records the last component. Every step is audited with the component's KCV, never the component.
/// </summary>
public sealed class KeyCeremonies(
    IKeyCeremonyStore store, IKeyStore keys, IKeyManagement crypto, IAuditLog audit, TimeProvider clock, KeyCeremonyOptions options)
{
    private const int Attempts = 5;

    public async Task<KeyCeremony> OpenAsync(
        string alias, KeyUsage usage, KeyAlgorithm algorithm, int componentCount, bool exportable, Custodian opener, CancellationToken ct)
    {
        if (componentCount < options.MinComponents || componentCount > KeyCeremonyOptions.MaxComponents)
        {
            throw new InvalidFieldException("componentCount",
                $"A ceremony has {options.MinComponents} to {KeyCeremonyOptions.MaxComponents} components, one per custodian.");
        }
        if (await keys.FindAsync(alias, ct) is not null)
        {
            throw new ConflictException($"A key with alias '{alias}' exists.");
        }
        if (await store.FindOpenAsync(alias, ct) is { } open && await ExpireIfDueAsync(open, ct) is { Status: CeremonyStatus.Open })
        {
            throw new ConflictException($"Ceremony {open.Id} for alias '{alias}' is open; complete or cancel it first.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var ceremony = new KeyCeremony
        {
            Id = Guid.NewGuid(),
            Alias = alias,
            Usage = usage,
            Algorithm = algorithm,
            ComponentCount = componentCount,
            Exportable = exportable,
            Status = CeremonyStatus.Open,
            OpenedBy = opener.Name,
            OpenedAt = now,
            ExpiresAt = now + options.Lifetime,
        };
        await store.AddAsync(ceremony, ct);
        await audit.WriteChangedAsync(clock, opener.Name, "key-ceremony.open",
            $"ceremony {ceremony.Id} alias {alias} usage {usage} components {componentCount}{(exportable ? " exportable" : "")}", ct);
        return ceremony;
    }

    /// <summary>The ceremony, its status brought up to date (an open ceremony past its time is expired now).</summary>
    public async Task<KeyCeremony> GetAsync(Guid id, CancellationToken ct) =>
        await ExpireIfDueAsync(await store.FindAsync(id, ct) ?? throw new NotFoundException($"No key ceremony {id}."), ct);

    /// <summary>
    /// Adds one custodian's component; answers the ceremony, the component's KCV, and the key when this was the last one.
    /// The caller zeroes <paramref name="component"/>.
    /// </summary>
    public async Task<(KeyCeremony Ceremony, string ComponentKcv, StoredKey? Key)> SubmitAsync(
        Guid id, byte[] component, Custodian custodian, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var ceremony = await RequireOpenAsync(id, ct);
            if (component.Length != ceremony.ComponentBytes)
            {
                throw new InvalidFieldException("component",
                    $"Each component of this ceremony is {ceremony.ComponentBytes} bytes: {ceremony.ComponentBytes * 2} hex characters.");
            }
            if (ceremony.Components.FirstOrDefault(c => c.ClientId == custodian.ClientId) is { } earlier)
            {
                throw new ConflictException(
                    $"Client '{earlier.Client}' already submitted a component of this ceremony; dual control needs another custodian, with their own credential.");
            }
            var (added, key) = Add(ceremony, component, custodian);
            if (await store.TryUpdateAsync(ceremony, ceremony.Version - 1, key, ct))
            {
                await AuditAsync(ceremony, added, custodian, ct);
                return (ceremony, added.ComponentKcv, key);
            }
            if (attempt == Attempts)
            {
                throw new ConflictException("The ceremony changed at the same moment several times; submit the component again.");
            }
        }
    }

    public async Task<KeyCeremony> CancelAsync(Guid id, Custodian admin, CancellationToken ct)
    {
        var ceremony = await RequireOpenAsync(id, ct);
        if (!await CloseAsync(ceremony, CeremonyStatus.Cancelled, ct))
        {
            throw new ConflictException("The ceremony changed at the same moment; look at it again.");
        }
        await audit.WriteChangedAsync(clock, admin.Name, "key-ceremony.cancel", $"ceremony {ceremony.Id} alias {ceremony.Alias}", ct);
        return ceremony;
    }

    /// <summary>Updates the ceremony in memory with the component (and the key, when it is the last); nothing is stored yet.</summary>
    private (ComponentAdded Added, StoredKey? Key) Add(KeyCeremony ceremony, byte[] component, Custodian custodian)
    {
        ComponentAdded added;
        StoredKey? key = null;
        try
        {
            added = crypto.AddComponent(ceremony.Id, ceremony.Algorithm, ceremony.PartialKey, component);
            ceremony.Components.Add(new CeremonyComponent(custodian.ClientId, custodian.Name, added.ComponentKcv, clock.GetUtcNow().UtcDateTime));
            if (ceremony.Components.Count == ceremony.ComponentCount)
            {
                key = KeyRing.ToStoredKey(crypto.CompleteKey(Guid.NewGuid(), ceremony.Alias, ceremony.Usage, added.Partial, ceremony.Exportable), clock);
            }
        }
        catch (WeakKeyException e)
        {
            throw new InvalidFieldException("component", e.Message);
        }
        ceremony.Partial = key is null ? added.Partial.Wrapped : null;
        ceremony.Kcv = key?.Kcv;
        if (key is not null)
        {
            ceremony.Status = CeremonyStatus.Completed;
            ceremony.ClosedAt = key.CreatedAt;
        }
        ceremony.Version++;
        return (added, key);
    }

    private async Task AuditAsync(KeyCeremony ceremony, ComponentAdded added, Custodian custodian, CancellationToken ct)
    {
        await audit.WriteChangedAsync(clock, custodian.Name, "key-ceremony.component",
            $"ceremony {ceremony.Id} alias {ceremony.Alias} component {ceremony.Components.Count}/{ceremony.ComponentCount} kcv {added.ComponentKcv}", ct);
        if (ceremony.Status == CeremonyStatus.Completed)
        {
            await audit.WriteChangedAsync(clock, custodian.Name, "key-ceremony.complete",
                $"ceremony {ceremony.Id} alias {ceremony.Alias} usage {ceremony.Usage} kcv {ceremony.Kcv}", ct);
        }
    }

    private async Task<KeyCeremony> RequireOpenAsync(Guid id, CancellationToken ct)
    {
        var ceremony = await GetAsync(id, ct);
        return ceremony.Status switch
        {
            CeremonyStatus.Open => ceremony,
            CeremonyStatus.Expired => throw new ConflictException(
                $"The ceremony expired at {ceremony.ExpiresAt:yyyy-MM-ddTHH:mm:ssZ} before every component arrived; no key was made. Open a new ceremony."),
            _ => throw new ConflictException($"The ceremony is {ceremony.Status.ToString().ToLowerInvariant()}; it takes no more components."),
        };
    }

    private async Task<KeyCeremony> ExpireIfDueAsync(KeyCeremony ceremony, CancellationToken ct)
    {
        if (ceremony.Status != CeremonyStatus.Open || clock.GetUtcNow().UtcDateTime < ceremony.ExpiresAt)
        {
            return ceremony;
        }
        if (await CloseAsync(ceremony, CeremonyStatus.Expired, ct))
        {
            await audit.WriteChangedAsync(clock, "system", "key-ceremony.expire",
                $"ceremony {ceremony.Id} alias {ceremony.Alias} after {ceremony.Components.Count}/{ceremony.ComponentCount} components", ct);
            return ceremony;
        }
        // Another change came first (a submission, or another replica expiring it): judge the ceremony as it is now.
        return await ExpireIfDueAsync(await store.FindAsync(ceremony.Id, ct) ?? ceremony, ct);
    }

    /// <summary>Closes an open ceremony and drops its partial key; false when another change came first.</summary>
    private Task<bool> CloseAsync(KeyCeremony ceremony, CeremonyStatus status, CancellationToken ct)
    {
        ceremony.Status = status;
        ceremony.Partial = null;
        ceremony.ClosedAt = clock.GetUtcNow().UtcDateTime;
        ceremony.Version++;
        return store.TryUpdateAsync(ceremony, ceremony.Version - 1, null, ct);
    }
}
