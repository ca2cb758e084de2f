using System.Globalization;

namespace IssuerVerification.FaultTests.Infrastructure;

/// <summary>CVC3 request bodies for one card with a fixed IVCVC3 and unpredictable number.</summary>
public static class Cvc3Bodies
{
    public static object Generate(string pan, int atc) =>
        new { pan, ivcvc3 = "8342", unpredictableNumber = "00000899", atc = Atc(atc) };

    public static object Verify(string pan, int atc, string cvc3) =>
        new { pan, ivcvc3 = "8342", unpredictableNumber = "00000899", atc = Atc(atc), cvc3 };

    private static string Atc(int atc) => atc.ToString("X4", CultureInfo.InvariantCulture);
}
