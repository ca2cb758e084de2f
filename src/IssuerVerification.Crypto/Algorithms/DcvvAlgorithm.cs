namespace IssuerVerification.Crypto.Algorithms;

/// <summary>Visa dCVV (§4): the CVV method with the card's UDK over the PAN overlaid with the ATC.</summary>
internal static class DcvvAlgorithm
{
    /// <summary>P' = hex(ATC) (4 upper-case characters) ‖ PAN[4:], as long as the PAN.</summary>
    public static void DataPan(ReadOnlySpan<char> pan, ushort atc, Span<char> destination)
    {
        pan.CopyTo(destination);
        atc.TryFormat(destination, out _, "X4", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static void Compute(
        ITdesKey udk, ReadOnlySpan<char> pan, ReadOnlySpan<char> expiry, ReadOnlySpan<char> serviceCode, ushort atc, Span<char> threeDigits)
    {
        Span<char> dataPan = stackalloc char[pan.Length];
        DataPan(pan, atc, dataPan);
        CvvMethod.Compute(udk, dataPan, expiry, serviceCode, threeDigits);
    }
}
