using IssuerVerification.Api.Auth;
using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.Clients;
using IssuerVerification.Domain.Common;
using IssuerVerification.Domain.Crypto;
using IssuerVerification.Domain.Keys;
using IssuerVerification.Domain.Tokens;

namespace IssuerVerification.Api.Startup;

/// <summary>
/// Development demo data (configuration <c>Demo:Seed</c>): a client that generates values, keys, a Visa and a Mastercard range, two cards.
/// The keys are the published test keys of docs/card-verification.md, so the documented values verify.
/// </summary>
internal sealed class DemoData(KeyRing keys, CardRanges ranges, CardRegistry cards, ClientDirectory clients, TimeProvider clock)
{
    public const string VisaPan = "4444333322221111";
    public const string MastercardPan = "5392692002902681";
    public const string ClientName = "demo-client";
    public const string ClientKey = "demo-client-key";

    /// <summary>
    /// The demo client: generates and verifies values (the admin key does not generate them), verifies tokens, answers as the
    /// issuer app, and acts as a directory server (3ds:acs) and a dispute desk (3ds:history).
    /// </summary>
    public static readonly IReadOnlyList<string> ClientScopes =
        [Scopes.CardGenerate, Scopes.CardVerify, Scopes.Dcvv2Generate, Scopes.TokenVerify, Scopes.IssuerApp, Scopes.ThreeDsAcs, Scopes.ThreeDsHistory];

    public async Task SeedAsync(CancellationToken ct)
    {
        await clients.EnsureAsync(ClientName, ClientKey, ClientScopes, reset: false, ct);
        if (await keys.FindAsync("demo-cvk", ct) is not null)
        {
            return;
        }
        await keys.CreateAsync("demo-cvk", KeyUsage.Cvk, KeyAlgorithm.Tdes2Key, [Convert.FromHexString("13131313131313131313131313131313")], false, ct);
        await keys.CreateAsync("demo-dcvv2", KeyUsage.Dcvv2, KeyAlgorithm.Tdes2Key, null, false, ct);
        await keys.CreateAsync("demo-imk-cvc3", KeyUsage.ImkCvc3, KeyAlgorithm.Tdes2Key, [Convert.FromHexString("674B191AD1163E273AB3B8F935E1D668")], false, ct);
        await keys.CreateAsync("demo-imk-dcvv", KeyUsage.ImkDcvv, KeyAlgorithm.Tdes2Key, [Convert.FromHexString("1B19A856FF3BA1EE72C6385B3D2D7682")], false, ct);
        await keys.CreateAsync("demo-cavv", KeyUsage.Cavv, KeyAlgorithm.Tdes2Key, null, false, ct);
        await keys.CreateAsync("demo-aav", KeyUsage.Aav, KeyAlgorithm.HmacSha1, null, false, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        await ranges.CreateAsync(new CardRange
        {
            Id = Guid.NewGuid(),
            PanPrefix = "444433",
            Network = Network.Visa,
            Keys = new RangeKeys(new Dictionary<KeySlot, string>
            {
                [KeySlot.Cvv1] = "demo-cvk",
                [KeySlot.Cvv2] = "demo-cvk",
                [KeySlot.Icvv] = "demo-cvk",
                [KeySlot.Dcvv2] = "demo-dcvv2",
                [KeySlot.Dcvv] = "demo-imk-dcvv",
                [KeySlot.Cavv] = "demo-cavv",
            }),
            // A risk score of 10 already asks for step-up, so that a yellow is one request away in Swagger UI.
            TokenVerification = new TokenVerificationSettings { YellowFromScore = 10, RedFromScore = 90 },
            // Up to 50.00 frictionless; above it (or with threeDSRequestorChallengeInd 04) a challenge by one-time code.
            ThreeDs = new ThreeDsSettings { FrictionlessMaxAmount = 5000, ChallengeMaxAttempts = 3 },
            CreatedAt = now,
        }, ct);
        await ranges.CreateAsync(new CardRange
        {
            Id = Guid.NewGuid(),
            PanPrefix = "539269",
            Network = Network.Mastercard,
            Keys = new RangeKeys(new Dictionary<KeySlot, string>
            {
                [KeySlot.Cvv1] = "demo-cvk",
                [KeySlot.Cvv2] = "demo-cvk",
                [KeySlot.Icvv] = "demo-cvk",
                [KeySlot.Dcvv2] = "demo-dcvv2",
                [KeySlot.Cvc3] = "demo-imk-cvc3",
                [KeySlot.Aav] = "demo-aav",
            }),
            ThreeDs = new ThreeDsSettings { FrictionlessMaxAmount = 10000, ChallengeMaxAttempts = 3 },
            CreatedAt = now,
        }, ct);
        await RegisterAsync(VisaPan, "9911", "00", new Cardholder { Name = "SARAH DEMO", Phone = "+15555550100", Email = "sarah@example.com", BankApp = true }, ct);
        await RegisterAsync(MastercardPan, "3608", "01", new Cardholder { Name = "JOHN DOE", Phone = "+15555550101", Email = "john@example.com", BankApp = true }, ct);
    }

    private async Task RegisterAsync(string pan, string expiry, string psn, Cardholder cardholder, CancellationToken ct)
    {
        try
        {
            await cards.RegisterAsync(Pan.Parse(pan), expiry, psn, CardStatus.Active, cardholder, ct);
        }
        catch (ConflictException)
        {
            // Seeded by another replica.
        }
    }
}
