namespace IssuerVerification.Api.Admin;

/// <param name="WindowMinutes">Window length, 1–1080 minutes (default 60).</param>
/// <param name="GraceSeconds">How long after its end a window's value is still accepted (default 300).</param>
/// <param name="SingleUse">Whether a window's value matches only once (default false).</param>
public sealed record Dcvv2SettingsDto(int? WindowMinutes = null, int? GraceSeconds = null, bool? SingleUse = null);
