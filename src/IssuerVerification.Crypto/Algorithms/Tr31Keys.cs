using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;
using IBlockCipher = Org.BouncyCastle.Crypto.IBlockCipher;

namespace IssuerVerification.Crypto.Algorithms;

/// <summary>
/// The two keys a TR-31 key block is protected with, derived from the key block protection key (KBPK): versions B (TDES)
/// and D (AES) by CMAC over counter ‖ usage (0000 encryption, 0001 MAC) ‖ 00 ‖ algorithm ‖ key length in bits (TR-31:2018
/// §A.3); versions A and C by the variants KBPK ⊕ 45…45 and KBPK ⊕ 4D…4D. The caller zeroes both keys.
/// </summary>
internal sealed record Tr31Keys(byte[] Encryption, byte[] Authentication) : IDisposable
{
    public static Tr31Keys Derive(char version, byte[] kbpk) => version switch
    {
        'A' or 'C' => new(Variant(kbpk, 0x45), Variant(kbpk, 0x4D)),
        'B' => new(Cmac(new DesEdeEngine(), kbpk, 0, TdesAlgorithm(kbpk)), Cmac(new DesEdeEngine(), kbpk, 1, TdesAlgorithm(kbpk))),
        'D' => new(Cmac(new AesEngine(), kbpk, 0, AesAlgorithm(kbpk)), Cmac(new AesEngine(), kbpk, 1, AesAlgorithm(kbpk))),
        _ => throw new ArgumentOutOfRangeException(nameof(version)),
    };

    public void Dispose()
    {
        Array.Clear(Encryption);
        Array.Clear(Authentication);
    }

    private static byte[] Variant(byte[] kbpk, byte mask) => [.. kbpk.Select(b => (byte)(b ^ mask))];

    private static byte TdesAlgorithm(byte[] kbpk) => kbpk.Length == 24 ? (byte)0x01 : (byte)0x00;

    private static byte AesAlgorithm(byte[] kbpk) => kbpk.Length switch { 16 => 0x02, 24 => 0x03, _ => 0x04 };

    private static byte[] Cmac(IBlockCipher engine, byte[] kbpk, byte usage, byte algorithm)
    {
        var cmac = new CMac(engine);
        cmac.Init(new KeyParameter(kbpk));
        var bits = kbpk.Length * 8;
        var derived = new byte[(kbpk.Length + cmac.GetMacSize() - 1) / cmac.GetMacSize() * cmac.GetMacSize()];
        for (var counter = 1; (counter - 1) * cmac.GetMacSize() < kbpk.Length; counter++)
        {
            byte[] input = [(byte)counter, 0x00, usage, 0x00, 0x00, algorithm, (byte)(bits >> 8), (byte)bits];
            cmac.BlockUpdate(input, 0, input.Length);
            cmac.DoFinal(derived, (counter - 1) * cmac.GetMacSize());
        }
        var key = derived[..kbpk.Length];
        Array.Clear(derived);
        return key;
    }
}
