using System.Runtime.InteropServices;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;
using IBlockCipher = Org.BouncyCastle.Crypto.IBlockCipher;

namespace IssuerVerification.Crypto.Algorithms;

/// <summary>
/// The two keys a TR-31 key block is protected with, derived from the key block protection key (KBPK): versions B (TDES)
/// and D (AES) by CMAC over counter ‖ usage (0000 encryption, 0001 MAC) ‖ 00 ‖ algorithm ‖ key length in bits (TR-31:2018
/// §A.3). The legacy versions A and C use variants of the KBPK instead (<see cref="Tr31Variants"/>). The caller zeroes both keys.
/// </summary>
internal sealed record Tr31Keys(byte[] Encryption, byte[] Authentication) : IDisposable
{
    public static Tr31Keys Derive(char version, byte[] kbpk) => version switch
    {
        'B' => Derive(version, kbpk.Length, data => Cmac(new DesEdeEngine(), kbpk, data)),
        'D' => Derive(version, kbpk.Length, data => Cmac(new AesEngine(), kbpk, data)),
        _ => throw new ArgumentOutOfRangeException(nameof(version)),
    };

    /// <summary>
    /// Versions B and D from <paramref name="cmac"/>, the KBPK's CMAC of one derivation input: a token computes it without
    /// showing the KBPK (<paramref name="kbpkLength"/> bytes).
    /// </summary>
    public static Tr31Keys Derive(char version, int kbpkLength, Func<byte[], byte[]> cmac)
    {
        var algorithm = version == 'B'
            ? kbpkLength == 24 ? (byte)0x01 : (byte)0x00
            : kbpkLength switch { 16 => (byte)0x02, 24 => (byte)0x03, _ => (byte)0x04 };
        return new(Derived(kbpkLength, 0, algorithm, cmac), Derived(kbpkLength, 1, algorithm, cmac));
    }

    public void Dispose()
    {
        Array.Clear(Encryption);
        Array.Clear(Authentication);
    }

    private static byte[] Derived(int kbpkLength, byte usage, byte algorithm, Func<byte[], byte[]> cmac)
    {
        var bits = kbpkLength * 8;
        var derived = new List<byte>(kbpkLength + 16);
        for (var counter = 1; derived.Count < kbpkLength; counter++)
        {
            var block = cmac([(byte)counter, 0x00, usage, 0x00, 0x00, algorithm, (byte)(bits >> 8), (byte)bits]);
            derived.AddRange(block);
            Array.Clear(block);
        }
        var key = derived.GetRange(0, kbpkLength).ToArray();
        CollectionsMarshal.AsSpan(derived).Clear();
        return key;
    }

    private static byte[] Cmac(IBlockCipher engine, byte[] kbpk, byte[] input)
    {
        var cmac = new CMac(engine);
        cmac.Init(new KeyParameter(kbpk));
        cmac.BlockUpdate(input, 0, input.Length);
        var mac = new byte[cmac.GetMacSize()];
        cmac.DoFinal(mac, 0);
        return mac;
    }
}
