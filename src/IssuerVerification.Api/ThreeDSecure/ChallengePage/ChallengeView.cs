namespace IssuerVerification.Api.ThreeDSecure.ChallengePage;

/// <summary>What the challenge form shows and carries; every text in it is escaped when rendered.</summary>
/// <param name="SentTo">The masked phone or email the code went to.</param>
/// <param name="Notice">A line above the code field: a wrong code, a new code sent, no sends left.</param>
/// <param name="Amount">Null for a non-payment authentication.</param>
/// <param name="Token">The form token for the challenge's current step (ChallengeFormToken).</param>
public sealed record ChallengeView(
    Guid AcsTransId, string MerchantName, string? Amount, string MaskedPan, string SentTo, int AttemptsLeft, int SendsLeft,
    string? Notice, ChallengeWindow Window, string Token, string SessionData);

/// <summary>The last page: it posts the final CRes to the requestor's notification URL.</summary>
/// <param name="Cres">base64url of the final CRes JSON.</param>
public sealed record ChallengeFinal(string Heading, string Message, Uri NotificationUrl, string Cres, string SessionData, ChallengeWindow Window);
