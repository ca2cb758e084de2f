namespace IssuerVerification.Domain.Retention;

/// <summary>A retention task that refuses to remove anything; the message says why and what to do.</summary>
public sealed class RetentionHeldException(string message) : Exception(message);
