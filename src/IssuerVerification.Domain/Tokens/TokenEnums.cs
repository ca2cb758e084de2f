namespace IssuerVerification.Domain.Tokens;

public enum TokenRequestType { DeviceBinding, CardholderVerification }

/// <summary>Green approves, yellow asks for step-up (ID&amp;V), red declines.</summary>
public enum TokenDecision { Green, Yellow, Red }

public enum TokenVerificationStatus { Approved, PendingIdv, Verified, Declined, Failed, Expired }

/// <summary>What the token service provider recommends.</summary>
public enum RiskRecommendation { Approve, RequireAuthentication, Decline }

public enum IdvMethodType { CellPhone, Email, BankApp, Push }
