namespace IssuerVerification.Domain.Crypto;

/// <summary>
/// Moves this deployment's own keys from one provider into another (docs/crypto-provider.md, "Switching") under a transfer
/// KEK, an AES-256 <see cref="KeyUsage.Kek"/> both providers hold for the move alone. Unlike <see cref="IKeyExchange"/>,
/// every key travels whatever its usage or exportability: it stays the same key of the same deployment, under its id. The
/// envelope binds the key's id, alias, usage, algorithm, KCV and exportability; the receiving side re-checks the KCV.
/// </summary>
public interface IKeyTransfer
{
    /// <summary>The key, encrypted under <paramref name="kek"/> for <see cref="UnwrapTransferred"/>.</summary>
    byte[] WrapForTransfer(KeyHandle key, KeyHandle kek);

    /// <summary>
    /// The key <paramref name="key"/> describes, from <paramref name="envelope"/>, held by this provider (same metadata and KCV);
    /// the remains of an interrupted earlier move of the same key are replaced.
    /// </summary>
    KeyHandle UnwrapTransferred(KeyHandle key, KeyHandle kek, byte[] envelope);

    /// <summary>Destroys a transfer KEK once the move is over.</summary>
    void DiscardTransferKek(KeyHandle kek);
}
