namespace IssuerVerification.Domain.Keys;

public enum KeyStatus { Active, Retired }
