namespace IssuerVerification.Domain.Common;

/// <summary>What an operator must fix when the store refuses the service (start-up diagnosis).</summary>
public enum StoreFault
{
    /// <summary>Not one of the faults below: a bug, a conflict, or an error that retrying may clear.</summary>
    Other,
    /// <summary>The server could not be reached, or did not answer in time.</summary>
    Unreachable,
    /// <summary>The server refused the login: wrong password, unknown role, or no access rule for it.</summary>
    LoginRefused,
    /// <summary>The database named in the connection string does not exist.</summary>
    DatabaseMissing,
    /// <summary>The user may not do what the service does (create its tables at start-up, write a read-only file).</summary>
    PermissionDenied,
}
