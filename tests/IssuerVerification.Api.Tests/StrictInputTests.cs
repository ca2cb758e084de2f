using System.Net;
using System.Text;
using IssuerVerification.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Api.Tests;

/// <summary>
/// The body is read strictly, on every endpoint: a name twice, a name in another case, a name we do not know,
/// a number in quotes and a control character in a string are each a 400 naming the field, and nothing is created.
/// </summary>
public sealed class StrictInputTests
{
    public static TheoryData<string> Stores => TestStores.All;

    /// <summary>(path, body, field named in errors, message).</summary>
    public static TheoryData<string, string, string, string> Cases => new()
    {
        { "/v1/admin/cards", """{"pan":"4444333322221111","pan":"4111111111111111","expiry":"3012"}""", "pan", "Duplicate property." },
        { "/v1/admin/cards", """{"PAN":"4111111111111111","pan":"4444333322221111","expiry":"3012"}""", "PAN", "Unknown property" },
        { "/v1/admin/cards", """{"pan":"4444333322221111","expiry":"3012","cardholder":{"name":"A","name":"B"}}""", "cardholder.name", "Duplicate property." },
        { "/v1/admin/cards", """{"pan":"4444333322221111","expiry":"3012","cardholder":{"nickname":"A"}}""", "cardholder.nickname", "Unknown property" },
        { "/v1/admin/clients", """{"name":"strict","scopes":["card:verify"],"admin":true}""", "admin", "Unknown property" },
        { "/v1/admin/card-ranges", """{"panPrefix":"444433","network":"visa","keys":{"cvv2":"a","cvv2":"b"}}""", "keys.cvv2", "Duplicate property." },
        { "/v1/admin/card-ranges", """{"panPrefix":"444433","network":"visa","keys":{},"lockout":{"maxFailures":"3"}}""", "lockout.maxFailures", "Expected a number." },
        { "/v1/dcvv2/generate", """{"pan":"4444333322221111","count":"3"}""", "count", "Expected a number." },
        { "/v1/admin/clients", """{"name":"strict\u0000","scopes":["card:verify"]}""", "name", "Control characters are not allowed." },
        { "/v1/admin/clients", """{"name":"strict\u007F","scopes":["card:verify"]}""", "name", "Control characters are not allowed." },
        { "/v1/admin/clients", "{\"name\":\"strict\u007F\",\"scopes\":[\"card:verify\"]}", "name", "Control characters are not allowed." }, // raw DEL
        { "/v1/admin/clients", """{"name":"strict","scopes":["card:verify\u001F"]}""", "scopes[0]", "Control characters are not allowed." },
        { "/v1/admin/cards", """{"pan":"4444333322221111","expiry":"3012","cardholder":{"name":"ANA\u0000DOC"}}""", "cardholder.name", "Control characters are not allowed." },
        { "/v1/admin/cards", """{"pan":"4444333322221111","expiry":"3012","cardholder":{"name":"ANA\u007FDOC"}}""", "cardholder.name", "Control characters are not allowed." },
        { "/v1/admin/keys", """{"alias":"k\u0000","usage":"CVK"}""", "alias", "Control characters are not allowed." },
        { "/v1/admin/keys", """{"alias":"k\u007F","usage":"CVK"}""", "alias", "Control characters are not allowed." },
        { "/v1/admin/keys", """{"alias":"k1","usage":"CVK","components":["00000000000000000000000000000000"]}""", "components[0]", "all zeros" },
        { "/v1/admin/keys", """{"alias":"k1","usage":"CVK","components":["0123456789ABCDEFFEDCBA9876543210","0123456789abcdeffedcba9876543210"]}""", "components", "XOR to zero" },
        { "/v1/admin/keys", """{"alias":"k1","usage":"CVK","components":["0123456789ABCDEF0123456789ABCDEF"]}""", "components", "single DES" },
        { "/v1/admin/keys", """{"alias":"k1","usage":"CVK","components":["0123456789ABCDEF0000000000000000","00000000000000000123456789ABCDEF"]}""", "components", "single DES" },
    };

    [Theory, MemberData(nameof(Cases))]
    public async Task Loose_input_is_400_naming_the_field(string path, string body, string field, string message)
    {
        await using var api = await TestApi.StartAsync(TestStores.Sqlite);
        var response = await api.Client().PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        await AssertNamesAsync(response, field, message);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Loose_input_creates_nothing(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<Store.IssuerDbContext>>().CreateDbContextAsync();
        var (clients, keys) = (await db.ApiClients.CountAsync(), await db.Keys.CountAsync());
        foreach (var row in Cases)
        {
            var (path, body) = ((string)row[0], (string)row[1]);
            var response = await api.Client().PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path} {body}: {(int)response.StatusCode}");
        }
        Assert.Equal(clients, await db.ApiClients.CountAsync());
        Assert.Equal(keys, await db.Keys.CountAsync());
        Assert.Equal(0, await db.Cards.CountAsync());
        Assert.Equal(0, await db.CardRanges.CountAsync());
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Pan_and_card_id_with_a_bad_pan_list_every_message_under_pan(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        var response = await api.Client().PostJsonAsync("/v1/dcvv2/generate", new { pan = "4444333322221112", cardId = Guid.NewGuid(), count = 0 });
        var body = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var pan = body.GetProperty("errors").GetProperty("pan").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains("12 to 19 digits that pass the Luhn check.", pan);
        Assert.Contains("Give exactly one of pan and cardId.", pan);
        Assert.True(body.GetProperty("errors").TryGetProperty("count", out _));
    }

    [Fact]
    public async Task An_empty_body_names_every_missing_field_at_once()
    {
        await using var api = await TestApi.StartAsync(TestStores.Sqlite);
        var response = await api.Client().PostAsync("/v1/cvv/verify", new StringContent("{}", Encoding.UTF8, "application/json"));
        var body = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var fields = body.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["expiry", "kind", "pan", "value"], fields);
    }

    private static async Task AssertNamesAsync(HttpResponseMessage response, string field, string message)
    {
        var body = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = body.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"errors: {errors}, not {field}");
        Assert.Contains(messages.EnumerateArray(), m => m.GetString()!.Contains(message, StringComparison.Ordinal));
    }
}
