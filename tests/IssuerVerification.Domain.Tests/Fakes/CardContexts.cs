using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.Verification;

namespace IssuerVerification.Domain.Tests.Fakes;

/// <summary>A card to verify: a random PAN of the range's prefix, registered with this status and lockout.</summary>
internal static class CardContexts
{
    public static CardContext Registered(CardRange range, CardStatus status = CardStatus.Active, LockoutState? lockout = null)
    {
        var pan = Pan.Parse(TestPans.Random(range.PanPrefix));
        var fingerprint = System.Text.Encoding.ASCII.GetBytes(pan.Digits);
        var card = new Card { PanFingerprint = fingerprint, PanEncrypted = [0], MaskedPan = pan.Masked, Expiry = "3012", Status = status };
        return new CardContext(pan, fingerprint, new CardState(card, lockout ?? new LockoutState(0, null)), range);
    }
}
