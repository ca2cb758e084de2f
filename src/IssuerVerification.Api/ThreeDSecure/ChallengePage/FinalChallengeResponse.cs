using System.Buffers.Text;
using System.Text.Json;
using IssuerVerification.Domain.ThreeDSecure;

namespace IssuerVerification.Api.ThreeDSecure.ChallengePage;

/// <summary>The final CRes the last page posts to the requestor as <c>cres</c> (base64url JSON), and what the cardholder reads.</summary>
public static class FinalChallengeResponse
{
    public static string Encode(ChallengeState state) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
    {
        ["threeDSServerTransID"] = state.ThreeDsServerTransId,
        ["acsTransID"] = state.AcsTransId.ToString(),
        ["messageType"] = "CRes",
        ["messageVersion"] = state.MessageVersion,
        ["transStatus"] = state.TransStatus,
        ["challengeCompletionInd"] = "Y",
    }));

    public static (string Heading, string Message) Text(ChallengeState state) => (state.TransStatus, state.TransStatusReason) switch
    {
        (TransStatus.Authenticated, _) => ("Payment confirmed", "Thank you: returning to the merchant."),
        (_, TransStatus.ReasonExceedsMaxChallenges) => ("Payment not confirmed", "The code was wrong too many times."),
        (_, TransStatus.ReasonTransactionTimedOut) => ("Payment not confirmed", "The time to enter the code is over."),
        _ when state.ChallengeCancel is not null => ("Payment cancelled", "You cancelled the confirmation."),
        _ => ("Payment not confirmed", "The payment could not be confirmed."),
    };
}
