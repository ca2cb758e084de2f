using IssuerVerification.Crypto.Keys;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Pkcs11;

/// <summary>
/// Moving keys in (docs/crypto-provider.md, "Switching"): the envelope is opened by AES-GCM under the transfer KEK in the
/// token and the key becomes token objects at once. Out of the token only exportable keys move (wrapped out, as for a key
/// block): the others never leave it.
/// </summary>
public sealed partial class Pkcs11CryptoProvider : IKeyTransfer
{
    public byte[] WrapForTransfer(KeyHandle key, KeyHandle kek)
    {
        TransferEnvelope.RequireKek(kek);
        ArgumentNullException.ThrowIfNull(key);
        if (!key.Exportable)
        {
            throw new CryptoException($"Key '{key.Alias}' was not created exportable: it does not leave the token.");
        }
        return Run(session =>
        {
            var clear = TokenObjects.Extract(session, Resolve(session, key));
            try
            {
                return TransferEnvelope.Seal(new TokenGcm(session, Use(session, kek, KeyExchangeRules.Operation, KeyUsage.Kek).Main), key, clear);
            }
            finally
            {
                Array.Clear(clear);
            }
        });
    }

    public KeyHandle UnwrapTransferred(KeyHandle key, KeyHandle kek, byte[] envelope)
    {
        TransferEnvelope.RequireKek(kek);
        ArgumentNullException.ThrowIfNull(key);
        return Run(session =>
        {
            var material = TransferEnvelope.Open(new TokenGcm(session, Use(session, kek, KeyExchangeRules.Operation, KeyUsage.Kek).Main), key, envelope);
            try
            {
                TokenObjects.Destroy(session, TokenLabels.Of(key));
                var received = Created(session, key with { Kcv = "", Wrapped = [] }, material);
                if (received.Kcv != key.Kcv)
                {
                    _keys.TryRemove(key.Id, out _);
                    TokenObjects.Destroy(session, TokenLabels.Of(key));
                    TransferEnvelope.RequireSameKcv(key, received);
                }
                return received;
            }
            finally
            {
                Array.Clear(material);
            }
        });
    }

    public void DiscardTransferKek(KeyHandle kek)
    {
        TransferEnvelope.RequireKek(kek);
        _keys.TryRemove(kek.Id, out _);
        Run(session =>
        {
            TokenObjects.Destroy(session, TokenLabels.Require(kek));
            return true;
        });
    }
}
