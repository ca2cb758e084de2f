using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Domain.Audit;

/// <summary>
/// The audit chain's HMAC under the AuditChain system key. The key is handed over once the system keys are loaded at
/// start-up (the key ring itself writes audit records, so it cannot be a dependency of the writer); before that no
/// record can be written.
/// </summary>
public sealed class AuditChainKey(ISealing crypto) : IAuditMac
{
    private KeyHandle? _key;

    public void Use(KeyHandle key) => _key = key;

    public void Compute(ReadOnlySpan<byte> data, Span<byte> mac) =>
        crypto.AuditMac(_key ?? throw new InvalidOperationException("The audit chain key is not loaded yet."), data, mac);
}
