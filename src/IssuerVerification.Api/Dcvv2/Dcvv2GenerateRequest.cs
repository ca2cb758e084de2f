namespace IssuerVerification.Api.Dcvv2;

/// <summary>Ask for dynamic CVV2 values for a card: give its PAN or its card id, not both.</summary>
/// <param name="Pan">12–19 digits, Luhn-valid.</param>
/// <param name="CardId">A registered card's id.</param>
/// <param name="Count">How many consecutive windows, 1–24, starting with the current one.</param>
public sealed record Dcvv2GenerateRequest(int Count, string? Pan = null, Guid? CardId = null);
