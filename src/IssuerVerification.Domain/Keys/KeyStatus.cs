using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Domain.Keys;

public enum KeyStatus { Active, Retired }
