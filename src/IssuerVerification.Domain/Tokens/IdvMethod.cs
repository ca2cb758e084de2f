namespace IssuerVerification.Domain.Tokens;

/// <summary>One way to verify the cardholder: <see cref="Value"/> is masked (a contact) or a fixed word, never personal data.</summary>
public sealed record IdvMethod(string Id, IdvMethodType Type, string Value);
