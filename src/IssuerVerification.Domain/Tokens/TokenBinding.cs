namespace IssuerVerification.Domain.Tokens;

/// <summary>A token bound to a device or a passkey by an approved or verified verification.</summary>
public sealed class TokenBinding
{
    public required string TokenReference { get; init; }
    /// <summary><c>device:</c> or <c>passkey:</c> and the id: one binding per token and subject.</summary>
    public required string Subject { get; init; }
    public string? DeviceId { get; init; }
    public string? PasskeyCredentialId { get; init; }
    public DateTime BoundAt { get; init; }
    public Guid VerificationId { get; init; }

    public static TokenBinding? Of(TokenVerification v, DateTime at) => v.BindingSubject is { } subject
        ? new TokenBinding
        {
            TokenReference = v.TokenReference,
            Subject = subject,
            DeviceId = v.DeviceId,
            PasskeyCredentialId = v.DeviceId is null ? v.PasskeyCredentialId : null,
            BoundAt = at,
            VerificationId = v.Id,
        }
        : null;
}
