using IssuerVerification.Crypto.Signing;
using IssuerVerification.Domain.Crypto;
using Net.Pkcs11Interop.HighLevelAPI;

namespace IssuerVerification.Crypto.Pkcs11;

/// <summary>
/// A token key found and checked once (its KCV recomputed in the token): the object handles of one connection
/// (<see cref="Generation"/>), and for a P-256 key its public half. <see cref="Main"/> is the key, or the left DES half A of a
/// CVV-method key whose right half B is <see cref="Second"/>.
/// </summary>
internal sealed record TokenKey(KeyHandle Handle, int Generation, IObjectHandle Main, IObjectHandle? Second, EcPublicKey? Public)
{
    public bool Matches(KeyHandle handle, int generation) =>
        generation == Generation && handle.Usage == Handle.Usage && handle.Algorithm == Handle.Algorithm && handle.Alias == Handle.Alias
        && handle.Kcv == Handle.Kcv && handle.Exportable == Handle.Exportable && handle.Wrapped.AsSpan().SequenceEqual(Handle.Wrapped);
}
