using System.Globalization;
using IssuerVerification.Domain.ThreeDSecure;

namespace IssuerVerification.Api.ThreeDSecure;

/// <summary>The CRes of a challenge step and the text the app shows with it.</summary>
public static class ChallengeText
{
    public static ChallengeResponseMessage Response(ChallengeState s) => new(
        "CRes", s.MessageVersion, s.ThreeDsServerTransId, s.AcsTransId, s.IsFinal ? "Y" : "N", s.IsFinal ? s.TransStatus : null,
        s.IsFinal ? null : Info(s), s.AttemptsRemaining, s.SendsRemaining);

    private static string Info(ChallengeState s) => s.Step == ChallengeStep.WrongCode
        ? string.Create(CultureInfo.InvariantCulture, $"The code is wrong: {s.AttemptsRemaining} attempts left.")
        : $"Enter the 6-digit code sent to {s.MaskedRecipient}.";
}
