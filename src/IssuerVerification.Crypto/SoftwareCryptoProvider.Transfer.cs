using IssuerVerification.Crypto.Algorithms;
using IssuerVerification.Crypto.Keys;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto;

/// <summary>Moving keys to another provider (docs/crypto-provider.md, "Switching"): the clear material only in GCM envelopes.</summary>
public sealed partial class SoftwareCryptoProvider : IKeyTransfer
{
    public byte[] WrapForTransfer(KeyHandle key, KeyHandle kek)
    {
        TransferEnvelope.RequireKek(kek);
        return TransferEnvelope.Seal(new SoftwareGcm(Use(kek, KeyExchangeRules.Operation, KeyUsage.Kek).Material), key, Resolve(key).Material);
    }

    public KeyHandle UnwrapTransferred(KeyHandle key, KeyHandle kek, byte[] envelope)
    {
        TransferEnvelope.RequireKek(kek);
        ArgumentNullException.ThrowIfNull(key);
        var material = TransferEnvelope.Open(new SoftwareGcm(Use(kek, KeyExchangeRules.Operation, KeyUsage.Kek).Material), key, envelope);
        var received = Wrap(key with { Kcv = "", Wrapped = [] }, material);
        TransferEnvelope.RequireSameKcv(key, received);
        return received;
    }

    public void DiscardTransferKek(KeyHandle kek)
    {
        TransferEnvelope.RequireKek(kek);
        if (_keys.TryRemove(kek.Id, out var unwrapped))
        {
            unwrapped.Dispose();
        }
    }
}
