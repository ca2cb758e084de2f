namespace IssuerVerification.Domain.Cards;

/// <summary>
/// What is stored of a <see cref="Cardholder"/>: the name and the bank-app flag as given; the phone and email only sealed,
/// bound to the card's fingerprint (<see cref="PanProtector.OpenCardholderAsync"/> gives them back).
/// </summary>
public sealed record StoredCardholder
{
    public string? Name { get; init; }
    public bool BankApp { get; init; }
    public byte[]? SealedContacts { get; init; }
}
