using IssuerVerification.Domain.Cards;

namespace IssuerVerification.Domain.ThreeDSecure;

/// <summary>The electronic commerce indicator per network: Visa 05/06/07, Mastercard 02/01/00 (for Y, A, anything else).</summary>
public static class Eci
{
    /// <summary>The ECI of a final status; none while a challenge is pending.</summary>
    public static string? For(Network network, string transStatus) => transStatus switch
    {
        TransStatus.Challenge => null,
        TransStatus.Authenticated => network == Network.Visa ? "05" : "02",
        TransStatus.Attempted => network == Network.Visa ? "06" : "01",
        _ => network == Network.Visa ? "07" : "00",
    };
}
