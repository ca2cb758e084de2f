using IssuerVerification.Domain.Tokens;

namespace IssuerVerification.Store.Migrations;

/// <summary>Data step of TokenVerification, the same on both providers.</summary>
internal static class TokenVerificationDefaultsData
{
    /// <summary>Gives the card ranges that existed before token verification its documented defaults (the new columns start at 0).</summary>
    public static string FillRangeDefaults()
    {
        var d = new TokenVerificationSettings();
        return $"""
            UPDATE "CardRanges" SET "TokenVerification_RedFromScore" = {d.RedFromScore}, "TokenVerification_YellowFromScore" = {d.YellowFromScore},
            "TokenVerification_OtpMaxAttempts" = {d.OtpMaxAttempts}, "TokenVerification_OtpMaxSends" = {d.OtpMaxSends},
            "TokenVerification_StepUpMinutes" = {d.StepUpMinutes}
            """;
    }
}
