using IssuerVerification.Crypto.Algorithms;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Pkcs11;

/// <summary>Visa CAVV (the CVV method on the key's DES halves) and Mastercard SPA AAV (CKM_SHA_1_HMAC).</summary>
public sealed partial class Pkcs11CryptoProvider : IThreeDSecureValues
{
    public byte[] VisaCavv(KeyHandle cavvKey, VisaCavvInput input) => Run(session =>
    {
        var key = Tdes(session, Use(session, cavvKey, "the Visa CAVV", KeyUsage.Cavv));
        VisaCavvField.Validate(input);
        var output = new char[3];
        VisaCavvField.Output(key, input, output);
        return VisaCavvField.Build(input, output);
    });

    public byte[] MastercardAav(KeyHandle aavKey, MastercardAavInput input) => Run(session =>
    {
        var key = Use(session, aavKey, "the Mastercard AAV", KeyUsage.Aav);
        Algorithms.MastercardAav.Validate(input);
        return Algorithms.MastercardAav.Build(input, hmacInput => session.Sign(Mechanisms.HmacSha1, key.Main, hmacInput));
    });
}
