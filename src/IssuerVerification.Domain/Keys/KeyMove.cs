using System.Security.Cryptography;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Domain.Keys;

/// <summary>
/// Switching a deployment to another crypto provider (docs/crypto-provider.md, "Switching"): every stored key the target
/// does not hold yet moves across under a one-off AES-256 transfer KEK, keeping its id, alias, usage, algorithm, KCV,
/// exportability and version; only its reference in the store changes. Keys moved already are checked, not moved again,
/// so an interrupted run is simply run again.
/// </summary>
public sealed class KeyMove(IKeyStore store)
{
    public const string TransferKekAlias = "transfer-kek";

    public async Task<KeyMoveResult> RunAsync(ICryptoProvider from, ICryptoProvider to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var keys = await store.ListAsync(ct);
        var moving = keys.Where(key => !to.HasCurrentFormat(key.Handle)).ToList();
        foreach (var moved in keys.Except(moving))
        {
            to.CheckValue(moved.Handle);
        }
        if (moving.Count == 0)
        {
            return new KeyMoveResult(0, keys.Count);
        }

        var (sending, receiving) = TransferKek(from, to);
        try
        {
            foreach (var key in moving)
            {
                key.Wrapped = to.UnwrapTransferred(key.Handle, receiving, from.WrapForTransfer(key.Handle, sending)).Wrapped;
                await store.UpdateAsync(key, ct);
            }
        }
        finally
        {
            from.DiscardTransferKek(sending);
            to.DiscardTransferKek(receiving);
        }
        return new KeyMoveResult(moving.Count, keys.Count - moving.Count);
    }

    /// <summary>The same random AES-256 KEK in both providers: its one component is zeroed once each holds it.</summary>
    private static (KeyHandle Sending, KeyHandle Receiving) TransferKek(ICryptoProvider from, ICryptoProvider to)
    {
        var component = RandomNumberGenerator.GetBytes(32);
        try
        {
            var id = Guid.NewGuid();
            var sending = from.ImportKey(id, TransferKekAlias, KeyUsage.Kek, KeyAlgorithm.Aes256, [component]);
            return (sending, to.ImportKey(id, TransferKekAlias, KeyUsage.Kek, KeyAlgorithm.Aes256, [component]));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(component);
        }
    }
}

/// <summary>How many keys a <see cref="KeyMove"/> moved, and how many the target held already.</summary>
public sealed record KeyMoveResult(int Moved, int AlreadyThere);
