namespace IssuerVerification.Api.Admin;

/// <param name="MaxFailures">Consecutive failures that lock the card (default 5).</param>
/// <param name="LockMinutes">How long the card stays locked (default 30).</param>
public sealed record LockoutSettingsDto(int? MaxFailures = null, int? LockMinutes = null);
