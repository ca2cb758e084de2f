using IssuerVerification.Domain.Tokens;

namespace IssuerVerification.Api.Tokens;

/// <param name="MethodId">One of the verification's <c>idvMethods</c> ids (not bank_app: the app answers through app-decision).</param>
public sealed record SendOtpRequest(string MethodId);

/// <param name="ExpiresAt">When the step-up expires; a resend does not extend it.</param>
public sealed record SendOtpResponse(DateTime ExpiresAt);

/// <param name="Otp">The 6 digits the cardholder received.</param>
public sealed record VerifyOtpRequest(string Otp);

public sealed record VerifyOtpResponse(TokenVerificationStatus Status, int AttemptsRemaining);

/// <param name="Approved">The cardholder's answer in the issuer app.</param>
public sealed record AppDecisionRequest(bool Approved);

public sealed record AppDecisionResponse(TokenVerificationStatus Status);

public sealed record TokenBindingResponse(string? DeviceId, string? PasskeyCredentialId, DateTime BoundAt, Guid VerificationId);
