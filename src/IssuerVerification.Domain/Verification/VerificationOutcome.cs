namespace IssuerVerification.Domain.Verification;

public enum VerificationOutcome { Match, NoMatch }
