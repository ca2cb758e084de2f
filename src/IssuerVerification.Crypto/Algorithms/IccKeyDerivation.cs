using IssuerVerification.Domain.Crypto;
using Org.BouncyCastle.Crypto.Digests;

namespace IssuerVerification.Crypto.Algorithms;

/// <summary>
/// EMV ICC master-key derivation (§2), options A and B, from an issuer master key. PAN and PSN are
/// validated digit strings (PAN ≤ 19, PSN 2 digits).
/// </summary>
internal static class IccKeyDerivation
{
    [ThreadStatic] private static byte[]? t_block;
    [ThreadStatic] private static byte[]? t_cardKeyBytes;
    [ThreadStatic] private static TdesKey? t_cardKey;
    [ThreadStatic] private static Sha1Digest? t_sha1;
    [ThreadStatic] private static byte[]? t_hashInput;
    [ThreadStatic] private static byte[]? t_hash;

    /// <summary>
    /// Derives the card key and returns this thread's <see cref="TdesKey"/> keyed with it; valid
    /// until the next call on the same thread. The key schedule is the only per-call allocation.
    /// </summary>
    public static TdesKey CardKey(TdesKey imk, ReadOnlySpan<char> pan, ReadOnlySpan<char> psn, IccDerivation derivation)
    {
        var bytes = t_cardKeyBytes ??= new byte[16];
        Derive(imk, pan, psn, derivation, bytes);
        var key = t_cardKey ??= new TdesKey();
        key.SetKey(bytes);
        Array.Clear(bytes);
        return key;
    }

    /// <summary>ICC master key ZL‖ZR adjusted to odd parity (16 bytes).</summary>
    public static void Derive(TdesKey imk, ReadOnlySpan<char> pan, ReadOnlySpan<char> psn, IccDerivation derivation, Span<byte> destination)
    {
        DeriveRaw(imk, pan, psn, derivation, destination);
        Parity.AdjustOdd(destination);
    }

    /// <summary>ZL‖ZR before parity adjustment.</summary>
    public static void DeriveRaw(TdesKey imk, ReadOnlySpan<char> pan, ReadOnlySpan<char> psn, IccDerivation derivation, Span<byte> destination)
    {
        var block = t_block ??= new byte[8];
        ComputeY(pan, psn, derivation, block);
        Span<byte> inverted = stackalloc byte[8];
        for (var i = 0; i < 8; i++)
        {
            inverted[i] = (byte)~block[i];
        }

        imk.Encrypt(block);
        block.CopyTo(destination[..8]);
        inverted.CopyTo(block);
        imk.Encrypt(block);
        block.CopyTo(destination[8..]);
        Array.Clear(block);
    }

    /// <summary>The 8-byte block Y of option A, or of option B when <paramref name="derivation"/> applies it.</summary>
    public static void ComputeY(ReadOnlySpan<char> pan, ReadOnlySpan<char> psn, IccDerivation derivation, Span<byte> y)
    {
        Span<char> x = stackalloc char[pan.Length + psn.Length];
        pan.CopyTo(x);
        psn.CopyTo(x[pan.Length..]);
        Span<char> digits = stackalloc char[16];
        if (UsesOptionB(pan.Length, derivation))
        {
            HashedDigits(x, digits);
        }
        else
        {
            RightmostDigits.Take(x, digits);
        }

        DigitPacking.Pack(digits, y);
    }

    private static bool UsesOptionB(int panLength, IccDerivation derivation) => derivation switch
    {
        IccDerivation.OptionA => false,
        IccDerivation.OptionB => panLength > 16,
        IccDerivation.OptionBAllPans => true,
        _ => throw new CryptoException("Unknown ICC key derivation option."),
    };

    /// <summary>Option B: first 16 decimalized digits of SHA-1(PAN‖PSN, left-padded to even length).</summary>
    private static void HashedDigits(ReadOnlySpan<char> x, Span<char> destination)
    {
        Span<char> even = stackalloc char[x.Length + (x.Length & 1)];
        even[0] = '0';
        x.CopyTo(even[(x.Length & 1)..]);
        var packed = t_hashInput ??= new byte[11];
        var length = even.Length / 2;
        DigitPacking.Pack(even, packed.AsSpan(0, length));
        var sha1 = t_sha1 ??= new Sha1Digest();
        var hash = t_hash ??= new byte[20];
        sha1.BlockUpdate(packed, 0, length);
        sha1.DoFinal(hash, 0);
        Decimalization.Decimalize(hash, destination);
    }
}
