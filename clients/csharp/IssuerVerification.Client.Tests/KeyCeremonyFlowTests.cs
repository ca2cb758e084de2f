namespace IssuerVerification.Client.Tests;

/// <summary>docs/key-management.md's ceremony through the generated client: two custodians, one component each.</summary>
public sealed class KeyCeremonyFlowTests(DemoServer server) : IClassFixture<DemoServer>
{
    [Fact]
    public async Task Two_custodians_load_the_published_test_key()
    {
        var admin = server.Client();
        var ana = server.Client(await CustodianKeyAsync(admin, "ana"));
        var ben = server.Client(await CustodianKeyAsync(admin, "ben"));
        var alias = "cvk-flow-" + Guid.NewGuid().ToString("N")[..8];

        var ceremony = await admin.OpenKeyCeremonyAsync(new OpenKeyCeremonyRequest { Alias = alias, Usage = KeyUsage.CVK, ComponentCount = 2 });
        var first = await ana.SubmitKeyComponentAsync(ceremony.Id, new SubmitComponentRequest { Component = "0123456789ABCDEF0123456789ABCDEF" });
        var again = await Assert.ThrowsAsync<IssuerVerificationApiException<ProblemDetails>>(() =>
            ana.SubmitKeyComponentAsync(ceremony.Id, new SubmitComponentRequest { Component = "0000000000000000FFFFFFFFFFFFFFFF" }));
        var last = await ben.SubmitKeyComponentAsync(ceremony.Id, new SubmitComponentRequest { Component = "0000000000000000FFFFFFFFFFFFFFFF" });

        Assert.Equal(("D5D44F", "open"), (first.ComponentKcv, first.Ceremony.Status));
        Assert.Equal(409, again.StatusCode);
        Assert.Equal(("completed", "08D7B4"), (last.Ceremony.Status, last.Ceremony.Kcv));
        Assert.Equal("08D7B4", (await admin.GetKeyAsync(alias)).Kcv);
    }

    private static async Task<string> CustodianKeyAsync(IssuerVerificationClient admin, string name) =>
        (await admin.CreateClientAsync(new CreateClientRequest { Name = $"custodian-{name}-{Guid.NewGuid():N}", Scopes = ["key:custodian"] })).ApiKey;
}
