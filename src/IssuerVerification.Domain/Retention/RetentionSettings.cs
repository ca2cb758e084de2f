namespace IssuerVerification.Domain.Retention;

/// <summary>How long each growing table keeps its records (docs/data-retention.md), and how the job removes them.</summary>
public sealed record RetentionSettings
{
    /// <summary>PCI DSS 10.5.1: a year of audit history; the job refuses a shorter setting.</summary>
    public static readonly TimeSpan MinimumAudit = TimeSpan.FromDays(365);

    public TimeSpan Audit { get; init; } = MinimumAudit;
    public TimeSpan Idempotency { get; init; } = TimeSpan.FromHours(24);
    /// <summary>Outbox codes go when their step-up ends; this removes any message left behind (one whose step-up never ended).</summary>
    public TimeSpan Outbox { get; init; } = TimeSpan.FromHours(24);
    /// <summary>After the end of a dCVV2 issuance's last window (and of a used window): at least the largest grace a range may set (1 h).</summary>
    public TimeSpan Dcvv2 { get; init; } = TimeSpan.FromHours(1);
    /// <summary>After a token verification's step-up time ended (and after a callback's status change).</summary>
    public TimeSpan TokenVerifications { get; init; } = TimeSpan.FromDays(90);
    /// <summary>The 3-D Secure history (with its checkpoint), authentications and issued values: disputes reach back up to about 18 months.</summary>
    public TimeSpan ThreeDs { get; init; } = TimeSpan.FromDays(730);
    public TimeSpan Interval { get; init; } = TimeSpan.FromHours(1);
    /// <summary>Records removed per statement, so no statement holds locks for long.</summary>
    public int BatchSize { get; init; } = 1000;
}
