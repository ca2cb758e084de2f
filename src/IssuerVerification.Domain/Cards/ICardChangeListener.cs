namespace IssuerVerification.Domain.Cards;

/// <summary>Told when a card's registration or status changes, so that what was read of the card earlier is dropped.</summary>
public interface ICardChangeListener
{
    void CardChanged(byte[] fingerprint);
}
