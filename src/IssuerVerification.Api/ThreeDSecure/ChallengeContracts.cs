using System.Text.Json.Serialization;
using FluentValidation;

namespace IssuerVerification.Api.ThreeDSecure;

/// <summary>
/// The app channel's CReq as JSON. Nothing to do (the first CReq) opens the challenge and sends the code;
/// <c>challengeDataEntry</c> submits a code, <c>resendChallenge</c> Y sends a new one, <c>challengeCancel</c> cancels.
/// The EMV identifiers an SDK adds (messageType, messageVersion, threeDSServerTransID, acsTransID, sdkTransID,
/// sdkCounterStoA, ...) are accepted and not used: the path names the transaction.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
public sealed record ChallengeRequestMessage(string? ChallengeDataEntry = null, string? ChallengeCancel = null, string? ResendChallenge = null);

/// <summary>
/// The CRes: <c>challengeCompletionInd</c> Y with the final <c>transStatus</c> once the challenge ended, else N with the
/// text to show (where the code went, the attempts left).
/// </summary>
public sealed record ChallengeResponseMessage(
    string MessageType, string MessageVersion, string ThreeDSServerTransID, Guid AcsTransID, string ChallengeCompletionInd,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TransStatus,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ChallengeInfoText,
    int AttemptsRemaining, int ResendsRemaining);

internal sealed class ChallengeRequestValidator : AbstractValidator<ChallengeRequestMessage>
{
    public ChallengeRequestValidator()
    {
        RuleFor(r => r.ChallengeDataEntry).Length(1, 45);
        RuleFor(r => r.ChallengeCancel).Matches("^0[1-8]$").WithMessage("challengeCancel must be 01 to 08.");
        RuleFor(r => r.ResendChallenge).Must(v => v is null or "Y" or "N").WithMessage("resendChallenge must be Y or N.");
        RuleFor(r => r).Must(r => (r.ChallengeDataEntry is null ? 0 : 1) + (r.ChallengeCancel is null ? 0 : 1) + (r.ResendChallenge == "Y" ? 1 : 0) <= 1)
            .WithName("challengeDataEntry").WithMessage("Give one of challengeDataEntry, challengeCancel and resendChallenge Y.");
    }
}
