namespace IssuerVerification.Domain.ThreeDSecure;

/// <summary>An authentication as the ARes and the final result show it, with its authentication value in clear (Y and A).</summary>
public sealed record AuthenticationResult(ThreeDsAuthentication Authentication, string? AuthenticationValue)
{
    public string TransStatus => Authentication.TransStatus;
    public bool Authenticated => TransStatus == ThreeDSecure.TransStatus.Authenticated;
    public bool LiabilityShift => ThreeDSecure.TransStatus.CarriesValue(TransStatus);
}
