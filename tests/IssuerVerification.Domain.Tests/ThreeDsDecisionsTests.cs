using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.ThreeDSecure;
using IssuerVerification.Domain.Verification;

namespace IssuerVerification.Domain.Tests;

/// <summary>One case per row of the ARes decision table in docs/3ds.md (frictionless up to 5000 minor units).</summary>
public sealed class ThreeDsDecisionsTests
{
    private static readonly DateTime Now = new(2026, 11, 21, 10, 0, 0, DateTimeKind.Utc);

    [Theory]
    // registered, status, locked, amount, challenge indicator, has a phone or email → status, reason (the contacts count only
    // when a challenge is needed: the ACS opens them only then)
    [InlineData(false, CardStatus.Active, false, 100L, null, true, "N", "13")]
    [InlineData(true, CardStatus.Blocked, false, 100L, null, true, "R", "12")]
    [InlineData(true, CardStatus.Closed, false, 100L, "04", true, "R", "12")]
    [InlineData(true, CardStatus.Stolen, true, 100L, null, true, "R", "10")]
    [InlineData(true, CardStatus.Active, true, 100L, null, true, "N", "11")]
    [InlineData(true, CardStatus.Active, false, 5000L, null, true, "Y", null)]
    [InlineData(true, CardStatus.Active, false, 5001L, null, true, "C", null)]
    [InlineData(true, CardStatus.Active, false, 100L, "04", true, "C", null)]
    [InlineData(true, CardStatus.Active, false, 100L, "03", true, "Y", null)]
    [InlineData(true, CardStatus.Active, false, null, null, true, "Y", null)]
    [InlineData(true, CardStatus.Active, false, 5000L, null, false, "Y", null)]
    [InlineData(true, CardStatus.Active, true, 5001L, null, false, "N", "11")]
    [InlineData(true, CardStatus.Active, false, 5001L, null, false, "A", null)]
    [InlineData(true, CardStatus.Active, false, null, "04", false, "A", null)]
    public void Decides(bool registered, CardStatus status, bool locked, long? amount, string? indicator, bool contact, string expected, string? reason)
    {
        var card = registered ? new Card { PanFingerprint = [], PanEncrypted = [], MaskedPan = "", Expiry = "3012", Status = status } : null;
        var state = new CardState(card, new LockoutState(locked ? 5 : 0, locked ? Now.AddMinutes(1) : Now.AddMinutes(-1)));
        var decided = ThreeDsDecisions.Decide(state, new ThreeDsSettings(), amount, indicator, Now);
        Assert.Equal((expected, reason), decided.Status == TransStatus.Challenge ? ThreeDsDecisions.Challenge(contact) : decided);
        Assert.Equal(reason is not null, TransStatus.NeedsReason(expected));
    }

    [Theory]
    [InlineData(Network.Visa, "Y", "05")]
    [InlineData(Network.Visa, "A", "06")]
    [InlineData(Network.Visa, "N", "07")]
    [InlineData(Network.Visa, "R", "07")]
    [InlineData(Network.Visa, "U", "07")]
    [InlineData(Network.Mastercard, "Y", "02")]
    [InlineData(Network.Mastercard, "A", "01")]
    [InlineData(Network.Mastercard, "N", "00")]
    [InlineData(Network.Mastercard, "R", "00")]
    [InlineData(Network.Mastercard, "C", null)]
    public void Eci_per_network(Network network, string status, string? eci) => Assert.Equal(eci, Eci.For(network, status));
}
