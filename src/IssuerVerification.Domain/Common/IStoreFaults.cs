namespace IssuerVerification.Domain.Common;

/// <summary>Tells a store outage (retry later) from a bug.</summary>
public interface IStoreFaults
{
    /// <summary>True when the exception, or one it wraps, means the store could not be reached or did not answer.</summary>
    bool IsUnavailable(Exception exception);

    /// <summary>Which fault, if any, the exception or one it wraps reports, with the driver's own words for it (never a secret).</summary>
    (StoreFault Fault, string Detail) Diagnose(Exception exception);

    /// <summary>Where the store is (server, port, database and user, or file), for an operator: no password.</summary>
    string Describe();
}
