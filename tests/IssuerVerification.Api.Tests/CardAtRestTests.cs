using System.Net;
using System.Text.Json;
using IssuerVerification.Api.Tests.Infrastructure;
using IssuerVerification.Domain.Cards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Api.Tests;

/// <summary>
/// A card's PAN ciphertext and sealed contacts belong to its fingerprint: copied onto another card's row they are refused,
/// never served under that card. Contacts are answered masked. Rows of the earlier, unbound format are upgraded at start-up.
/// </summary>
public sealed class CardAtRestTests
{
    private const string Dcvv2Key = "89ABCDEF0123456776543210FEDCBA98";

    public static TheoryData<string> Stores => TestStores.All;

    private static async Task<string> RegisterAsync(TestApi api, string pan, object cardholder) =>
        (await (await api.Client().PostJsonAsync("/v1/admin/cards", new { pan, expiry = "3012", cardholder })).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("cardId").GetString()!;

    private static async Task<IssuerVerification.Store.IssuerDbContext> DbAsync(TestApi api) =>
        await api.Services.GetRequiredService<IDbContextFactory<IssuerVerification.Store.IssuerDbContext>>().CreateDbContextAsync();

    [Theory, MemberData(nameof(Stores))]
    public async Task A_pan_ciphertext_or_contacts_swapped_between_two_cards_are_refused(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        await api.RangeAsync("444433", new Dictionary<string, string?> { ["dcvv2"] = Dcvv2Key });
        var (panA, panB) = (TestPans.Random("444433"), TestPans.Random("444433"));
        var a = await RegisterAsync(api, panA, new { phone = "+15555550100", email = "ann@example.com" });
        var b = await RegisterAsync(api, panB, new { phone = "+15555550199", email = "bob@example.com" });
        await (await api.Client().PostJsonAsync("/v1/dcvv2/generate", new { cardId = a, count = 1 })).ReadJsonAsync();

        await using (var db = await DbAsync(api))
        {
            var (cardA, cardB) = (await db.Cards.SingleAsync(c => c.Id == Guid.Parse(a)), await db.Cards.SingleAsync(c => c.Id == Guid.Parse(b)));
            (cardA.PanEncrypted, cardB.PanEncrypted) = (cardB.PanEncrypted, cardA.PanEncrypted);
            (cardA.Cardholder, cardB.Cardholder) = (cardA.Cardholder with { SealedContacts = cardB.Cardholder.SealedContacts },
                cardB.Cardholder with { SealedContacts = cardA.Cardholder.SealedContacts });
            await db.SaveChangesAsync();
        }

        foreach (var response in new[]
        {
            await api.Client().PostJsonAsync("/v1/dcvv2/generate", new { cardId = a, count = 1 }),
            await api.Client().GetAsync($"/v1/admin/cards/{b}"),
        })
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.InternalServerError);
            Assert.EndsWith("/card-integrity", problem.GetProperty("type").GetString());
            Assert.DoesNotContain(panB[^4..] + "\"", problem.GetRawText());
            Assert.DoesNotContain("+1555", problem.GetRawText());
            Assert.DoesNotContain("@example.com", problem.GetRawText());
        }
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Contacts_are_answered_masked(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        await api.RangeAsync("444433", new Dictionary<string, string?> { ["dcvv2"] = null });
        var created = await (await api.Client().PostJsonAsync("/v1/admin/cards",
            new { pan = TestPans.Random("444433"), expiry = "3012", cardholder = new { name = "SARAH", phone = "+15555550100", email = "sarah@example.com", bankApp = true } }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("cardId").GetString();
        var patched = await (await api.Client().PatchJsonAsync($"/v1/admin/cards/{id}", new { status = "blocked" })).ReadJsonAsync();
        var fetched = await (await api.Client().GetAsync($"/v1/admin/cards/{id}")).ReadJsonAsync();
        foreach (var card in new[] { created, patched, fetched })
        {
            var holder = card.GetProperty("cardholder");
            Assert.Equal("SARAH", holder.GetProperty("name").GetString());
            Assert.Equal("+*******0100", holder.GetProperty("phone").GetString());
            Assert.Equal("s***@example.com", holder.GetProperty("email").GetString());
            Assert.True(holder.GetProperty("bankApp").GetBoolean());
        }
        var changed = await (await api.Client().PatchJsonAsync($"/v1/admin/cards/{id}", new { cardholder = new { phone = "12345678" } })).ReadJsonAsync();
        Assert.Equal("******78", changed.GetProperty("cardholder").GetProperty("phone").GetString());
        Assert.Equal(JsonValueKind.Null, changed.GetProperty("cardholder").GetProperty("email").ValueKind);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Cards_of_the_unbound_format_are_upgraded_at_start_up(string store)
    {
        var (provider, connectionString, drop) = await TestStores.CreateAsync(store);
        var settings = new Dictionary<string, string?> { ["Storage:Provider"] = provider, ["ConnectionStrings:IssuerVerification"] = connectionString };
        var pan = TestPans.Random("444433", 13);
        try
        {
            string id;
            await using (var before = await TestApi.StartAsync(store, settings))
            {
                await before.RangeAsync("444433", new Dictionary<string, string?> { ["dcvv2"] = Dcvv2Key });
                id = await RegisterAsync(before, pan, new { name = "OLD", phone = "+15555550142" });
                // As the earlier version stored it: contacts in clear, no sealed ones, first 6 / last 4 of 13 digits, version 1.
                await using var db = await DbAsync(before);
                await db.Database.ExecuteSqlAsync($"""
                    UPDATE "Cards" SET "AtRestVersion" = 1, "Cardholder_SealedContacts" = NULL, "Cardholder_Phone" = '+15555550142',
                    "Cardholder_Email" = 'old@example.com', "MaskedPan" = {pan[..6] + "***" + pan[^4..]} WHERE "Id" = {Guid.Parse(id)}
                    """);
            }

            await using var after = await TestApi.StartAsync(store, settings);
            await using (var db = await DbAsync(after))
            {
                var card = await db.Cards.SingleAsync(c => c.Id == Guid.Parse(id));
                Assert.Equal(Card.CurrentAtRestVersion, card.AtRestVersion);
                Assert.NotNull(card.Cardholder.SealedContacts);
                Assert.Equal(pan[..2] + "*******" + pan[^4..], card.MaskedPan);
                Assert.Null(await db.Cards.Where(c => c.Id == card.Id).Select(c => EF.Property<string?>(c, "LegacyPhone") ?? EF.Property<string?>(c, "LegacyEmail")).SingleAsync());
            }
            var holder = (await (await after.Client().GetAsync($"/v1/admin/cards/{id}")).ReadJsonAsync()).GetProperty("cardholder");
            Assert.Equal("+*******0142", holder.GetProperty("phone").GetString());
            Assert.Equal("o***@example.com", holder.GetProperty("email").GetString());
            await (await after.Client().PostJsonAsync("/v1/dcvv2/generate", new { cardId = id, count = 1 })).ReadJsonAsync();
            await StoreInspection.AssertNotInAnyColumnAsync(after, "5555550142");
            await StoreInspection.AssertNotInAnyColumnAsync(after, "old@example.com");
        }
        finally
        {
            await drop();
        }
    }
}
