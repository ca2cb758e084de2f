namespace IssuerVerification.Domain.Tokens;

/// <summary>
/// A final status to POST to a verification's callback URL, recorded with the status change and sent by the dispatcher
/// (at least once: the receiver de-duplicates on <see cref="Id"/>). Ids and status only, no personal data.
/// </summary>
public sealed class TokenCallback
{
    public Guid Id { get; init; }
    public Guid VerificationId { get; init; }
    public required string TokenReference { get; init; }
    public required string Url { get; init; }
    public TokenVerificationStatus Status { get; init; }
    public DateTime OccurredAt { get; init; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? DeliveredAt { get; set; }

    public static TokenCallback? For(TokenVerification v, TokenVerificationStatus status, DateTime at) => v.CallbackUrl is { } url
        ? new TokenCallback
        {
            Id = Guid.CreateVersion7(),
            VerificationId = v.Id,
            TokenReference = v.TokenReference,
            Url = url,
            Status = status,
            OccurredAt = at,
            NextAttemptAt = at,
        }
        : null;
}
