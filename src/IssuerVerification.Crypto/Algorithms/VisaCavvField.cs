using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Algorithms;

/// <summary>The Visa CAVV, "CVV with ATN" (§5): its CVV-method inputs and the 20-byte field.</summary>
internal static class VisaCavvField
{
    public static void Validate(VisaCavvInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        DigitInput.RequirePan(input.Pan);
        DigitInput.Require(input.Atn, 16, 16, "ATN");
        DigitInput.Require([input.AuthResultCode], 1, 1, "Authentication results code");
        DigitInput.Require(input.SecondFactorCode, 2, 2, "Second factor authentication code");
        DigitInput.Require(input.KeyIndicator, 2, 2, "CAVV key indicator");
        if (input.IpAddress is not null && input.IpAddress.Length is not (0 or 4))
        {
            throw new CryptoException("The CAVV IP address is 4 bytes.");
        }
    }

    /// <summary>CAVV output with the PAN normalised to 16 digits, UN = ATN[12:16], service code = ARC ‖ SFAC.</summary>
    public static void Output(ITdesKey key, VisaCavvInput input, Span<char> threeDigits)
    {
        Span<char> pan = stackalloc char[16];
        RightmostDigits.Take(input.Pan, pan);
        Span<char> serviceCode = [input.AuthResultCode, input.SecondFactorCode[0], input.SecondFactorCode[1]];
        CvvMethod.Compute(key, pan, input.Atn.AsSpan(12), serviceCode, threeDigits);
    }

    /// <summary>The 20-byte field (table of §5); <paramref name="output"/> is the 3-digit CAVV output.</summary>
    public static byte[] Build(VisaCavvInput input, ReadOnlySpan<char> output)
    {
        var field = new byte[20];
        field[0] = (byte)(input.AuthResultCode - '0');
        DigitPacking.Pack(input.SecondFactorCode, field.AsSpan(1, 1));
        DigitPacking.Pack(input.KeyIndicator, field.AsSpan(2, 1));
        DigitPacking.Pack(['0', output[0], output[1], output[2]], field.AsSpan(3, 2));
        DigitPacking.Pack(input.Atn.AsSpan(12), field.AsSpan(5, 2));
        DigitPacking.Pack(input.Atn, field.AsSpan(7, 8));
        field[15] = input.VersionAction;
        if (input.IpAddress is { Length: 4 })
        {
            input.IpAddress.CopyTo(field, 16);
        }

        return field;
    }
}
