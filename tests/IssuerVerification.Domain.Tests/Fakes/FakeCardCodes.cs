using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Domain.Tests.Fakes;

/// <summary>
/// dCVV2 values as a plain function of PAN and window (not the real algorithm: the crypto tests prove that),
/// refusing a key of another usage as the provider does. Static CVVs are not needed by these tests.
/// </summary>
internal sealed class FakeCardCodes : ICardCodes
{
    public string Dcvv2(KeyHandle key, ReadOnlySpan<char> pan, long windowIndex)
    {
        if (key.Usage != KeyUsage.Dcvv2)
        {
            throw new CryptoException($"A {key.Usage} key cannot compute a dCVV2.");
        }
        var sum = 0L;
        foreach (var digit in pan)
        {
            sum = (sum * 10 + digit - '0') % 1_000_003;
        }
        return ((sum + windowIndex * 7919) % 1000).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool VerifyDcvv2(KeyHandle key, ReadOnlySpan<char> pan, long windowIndex, ReadOnlySpan<char> value) =>
        value.SequenceEqual(Dcvv2(key, pan, windowIndex));

    public string Cvv(KeyHandle cvk, ReadOnlySpan<char> pan, ReadOnlySpan<char> expiry, ReadOnlySpan<char> serviceCode, int digits = 3) =>
        throw new NotSupportedException();

    public bool VerifyCvv(KeyHandle cvk, ReadOnlySpan<char> pan, ReadOnlySpan<char> expiry, ReadOnlySpan<char> serviceCode, ReadOnlySpan<char> value) =>
        throw new NotSupportedException();
}
