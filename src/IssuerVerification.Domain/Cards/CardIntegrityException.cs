namespace IssuerVerification.Domain.Cards;

/// <summary>
/// A card's stored PAN or contacts do not belong to its fingerprint: altered in the database, or copied from another card's
/// row. Nothing of it is served; the data has to be restored.
/// </summary>
public sealed class CardIntegrityException(string what, Exception? inner = null) : Exception(
    $"The card's stored {what} failed its integrity check (altered, or copied from another card): refused.", inner);
