using IssuerVerification.Crypto.Algorithms;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto;

/// <summary>3-D Secure authentication values: Visa CAVV and Mastercard SPA AAV.</summary>
public sealed partial class SoftwareCryptoProvider : IThreeDSecureValues
{
    public byte[] VisaCavv(KeyHandle cavvKey, VisaCavvInput input)
    {
        var key = Use(cavvKey, "the Visa CAVV", KeyUsage.Cavv).Tdes;
        VisaCavvField.Validate(input);
        Span<char> output = stackalloc char[3];
        VisaCavvField.Output(key, input, output);
        return VisaCavvField.Build(input, output);
    }

    public byte[] MastercardAav(KeyHandle aavKey, MastercardAavInput input)
    {
        var key = Use(aavKey, "the Mastercard AAV", KeyUsage.Aav);
        Algorithms.MastercardAav.Validate(input);
        return Algorithms.MastercardAav.Build(key.Material, input);
    }
}
