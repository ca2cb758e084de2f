namespace IssuerVerification.Domain.Cards;

/// <summary>Contacts the issuer may use for step-up authentication.</summary>
public sealed record Cardholder
{
    public string? Name { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public bool BankApp { get; init; }
}
