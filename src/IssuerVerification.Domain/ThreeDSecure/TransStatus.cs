namespace IssuerVerification.Domain.ThreeDSecure;

/// <summary>EMV 3DS <c>transStatus</c> values and the <c>transStatusReason</c> codes this ACS gives.</summary>
public static class TransStatus
{
    public const string Authenticated = "Y";
    public const string NotAuthenticated = "N";
    public const string Unavailable = "U";
    public const string Attempted = "A";
    public const string Challenge = "C";
    public const string Rejected = "R";

    public const string ReasonCardAuthenticationFailed = "01";
    public const string ReasonStolenCard = "10";
    public const string ReasonSuspectedFraud = "11";
    public const string ReasonTransactionNotPermitted = "12";
    public const string ReasonCardholderNotEnrolled = "13";
    public const string ReasonTransactionTimedOut = "14";
    public const string ReasonExceedsMaxChallenges = "19";

    /// <summary>EMV requires <c>transStatusReason</c> exactly for N, U and R.</summary>
    public static bool NeedsReason(string status) => status is NotAuthenticated or Unavailable or Rejected;

    /// <summary>A value (CAVV / AAV) and liability shift on Y and A.</summary>
    public static bool CarriesValue(string status) => status is Authenticated or Attempted;

    public static bool IsFinal(string status) => status != Challenge;
}
