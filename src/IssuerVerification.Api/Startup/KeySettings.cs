using IssuerVerification.Domain.Keys;

namespace IssuerVerification.Api.Startup;

/// <summary>The <c>Keys</c> settings: how keys may be loaded.</summary>
internal sealed record KeySettings(bool AllowSingleRequestImport)
{
    /// <summary>
    /// <c>Keys:AllowSingleRequestImport</c> (default false): whether <c>POST /v1/admin/keys</c> may import a key from
    /// components sent together by one client (test environments, automated loading); ceremonies are the way otherwise.
    /// </summary>
    public static KeySettings Read(IConfiguration configuration) => new(configuration.GetValue("Keys:AllowSingleRequestImport", false));

    /// <summary>
    /// <c>Keys:CeremonyHours</c> (default 24): how long a ceremony stays open. <c>Keys:AllowSingleComponentCeremony</c>
    /// (default: true in Development only): whether a ceremony may have one component.
    /// </summary>
    public static KeyCeremonyOptions Ceremonies(IConfiguration configuration, IHostEnvironment environment) => new(
        TimeSpan.FromHours(configuration.GetValue("Keys:CeremonyHours", KeyCeremonyOptions.Default.Lifetime.TotalHours)),
        configuration.GetValue("Keys:AllowSingleComponentCeremony", environment.IsDevelopment()) ? 1 : KeyCeremonyOptions.Default.MinComponents);
}
