using System.Buffers.Binary;
using System.Text;
using IssuerVerification.Domain.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace IssuerVerification.Crypto.Algorithms;

/// <summary>Mastercard SPA AAV with HMAC-SHA1 (§6): 20 bytes, the last 5 a MAC over PANF ‖ AAV[0..15].</summary>
internal static class MastercardAav
{
    public const int HmacInputLength = 25;

    public static void Validate(MastercardAavInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        DigitInput.RequirePan(input.Pan);
        ArgumentNullException.ThrowIfNull(input.MerchantName);
        if (input.AcsId > 7)
        {
            throw new CryptoException("ACS ids 0–7 select the HMAC-SHA1 AAV.");
        }

        if (input.AuthMethod > 15 || input.BinKeyId > 15)
        {
            throw new CryptoException("Authentication method and BIN key id are one nibble each.");
        }
    }

    public static byte[] Build(byte[] key, MastercardAavInput input) => Build(input, hmacInput =>
    {
        var hmac = new HMac(new Sha1Digest());
        hmac.Init(new KeyParameter(key));
        hmac.BlockUpdate(hmacInput, 0, hmacInput.Length);
        var mac = new byte[20];
        hmac.DoFinal(mac, 0);
        return mac;
    });

    /// <summary>The AAV with <paramref name="hmacSha1"/> computing HMAC-SHA1 over the 25-byte input (in process or in a token).</summary>
    public static byte[] Build(MastercardAavInput input, Func<byte[], byte[]> hmacSha1)
    {
        var hmacInput = new byte[HmacInputLength];
        HmacInput(input, hmacInput);
        var mac = hmacSha1(hmacInput);
        var aav = new byte[20];
        hmacInput.AsSpan(10).CopyTo(aav);
        mac.AsSpan(0, 5).CopyTo(aav.AsSpan(15));
        return aav;
    }

    /// <summary>PANF (10 bytes) ‖ control ‖ merchant hash (8) ‖ ACS id ‖ method|key id ‖ TSN (4).</summary>
    public static void HmacInput(MastercardAavInput input, Span<byte> destination)
    {
        Span<char> panF = stackalloc char[20];
        panF.Fill('F');
        input.Pan.CopyTo(panF);
        DigitPacking.Pack(panF, destination[..10]);
        destination[10] = input.ControlByte;
        MerchantHash(input.MerchantName, destination.Slice(11, 8));
        destination[19] = input.AcsId;
        destination[20] = (byte)((input.AuthMethod << 4) | input.BinKeyId);
        BinaryPrimitives.WriteUInt32BigEndian(destination[21..], input.TransactionSequenceNumber);
    }

    /// <summary>Leftmost 8 bytes of SHA-1 over the merchant name as sent (UTF-8).</summary>
    public static void MerchantHash(string merchantName, Span<byte> destination)
    {
        var name = Encoding.UTF8.GetBytes(merchantName);
        var sha1 = new Sha1Digest();
        sha1.BlockUpdate(name, 0, name.Length);
        var hash = new byte[20];
        sha1.DoFinal(hash, 0);
        hash.AsSpan(0, 8).CopyTo(destination);
    }
}
