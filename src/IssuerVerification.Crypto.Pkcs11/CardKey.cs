using IssuerVerification.Crypto.Algorithms;
using IssuerVerification.Domain.Crypto;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace IssuerVerification.Crypto.Pkcs11;

/// <summary>
/// An ICC master key (§2) derived inside the token from an issuer master key with CKM_DES3_ECB_ENCRYPT_DATA: its left half
/// ZL = TDES_IMK(Y) as an encrypt-only session key (ZL‖ZL‖ZL, derived from Y‖Y‖Y, see <see cref="TokenTdes"/>), its right
/// half ZR = TDES_IMK(~Y) as a decrypt-only one. Parity is not adjusted: DES ignores the parity bits. Both objects are
/// destroyed with this instance.
/// </summary>
internal sealed class CardKey : IDisposable
{
    private readonly ISession _session;
    private readonly IObjectHandle _left;
    private readonly IObjectHandle _right;

    public CardKey(ISession session, TokenKey imk, string pan, string psn, IccDerivation derivation)
    {
        DigitInput.RequirePan(pan);
        DigitInput.Require(psn, 2, 2, "PAN sequence number");
        _session = session;
        var y = new byte[8];
        IccKeyDerivation.ComputeY(pan, psn, derivation, y);
        _left = Derive(session, imk, DesHalf.Tripled(y), CKA.CKA_ENCRYPT);
        try
        {
            _right = Derive(session, imk, DesHalf.Tripled([.. y.Select(b => (byte)~b)]), CKA.CKA_DECRYPT);
        }
        catch
        {
            session.DestroyObject(_left);
            throw;
        }
        Tdes = new TokenTdes(session, _left, _right);
    }

    public TokenTdes Tdes { get; }

    private static IObjectHandle Derive(ISession session, TokenKey imk, byte[] data, CKA usage)
    {
        using var mechanism = Mechanisms.Des3EncryptData(data);
        return session.DeriveKey(mechanism, imk.Main, Templates.Derived(CKK.CKK_DES3, [usage]));
    }

    public void Dispose()
    {
        _session.DestroyObject(_left);
        _session.DestroyObject(_right);
    }
}
