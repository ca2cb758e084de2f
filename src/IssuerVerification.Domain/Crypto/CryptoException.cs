namespace IssuerVerification.Domain.Crypto;

/// <summary>A key or input the provider refuses: wrong usage, wrong length, tampered wrapping.</summary>
public sealed class CryptoException(string message) : Exception(message);
