namespace IssuerVerification.Domain.Crypto;

/// <summary>The crypto device cannot be reached (module error, token removed): nothing was done; the request may be retried.</summary>
public sealed class CryptoUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
