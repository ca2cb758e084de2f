namespace IssuerVerification.Domain.Common;

/// <summary>Tells a store outage (retry later) from a bug.</summary>
public interface IStoreFaults
{
    /// <summary>True when the exception, or one it wraps, means the store could not be reached or did not answer.</summary>
    bool IsUnavailable(Exception exception);
}
