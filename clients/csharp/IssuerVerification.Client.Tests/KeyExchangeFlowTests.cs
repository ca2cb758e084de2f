namespace IssuerVerification.Client.Tests;

/// <summary>docs/key-management.md's key exchange through the generated client: a CVK out under an AES KEK and back in.</summary>
public sealed class KeyExchangeFlowTests(DemoServer server) : IClassFixture<DemoServer>
{
    [Fact]
    public async Task An_exportable_key_goes_out_as_a_tr31_block_and_comes_back_with_its_kcv()
    {
        var admin = server.Client();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        await admin.CreateKeyAsync(new CreateKeyRequest { Alias = "kek-" + suffix, Usage = KeyUsage.KEK, Algorithm = KeyAlgorithmName.AES_256 });
        var cvk = await admin.CreateKeyAsync(new CreateKeyRequest { Alias = "cvk-" + suffix, Usage = KeyUsage.CVK, Exportable = true });

        var exported = await admin.ExportKeyAsync(cvk.Alias, new ExportKeyRequest { KekAlias = "kek-" + suffix });
        var back = await admin.CreateKeyAsync(new CreateKeyRequest
        {
            Alias = "cvk-back-" + suffix,
            Usage = KeyUsage.CVK,
            KekAlias = "kek-" + suffix,
            KeyBlock = exported.KeyBlock,
        });
        var refused = await Assert.ThrowsAsync<IssuerVerificationApiException<ProblemDetails>>(() =>
            admin.ExportKeyAsync(back.Alias, new ExportKeyRequest { KekAlias = "kek-" + suffix }));

        Assert.StartsWith("D0112C0TC00N0000", exported.KeyBlock, StringComparison.Ordinal);
        Assert.Equal((cvk.Kcv, cvk.Kcv, false), (exported.Kcv, back.Kcv, back.Exportable));
        Assert.Equal(409, refused.StatusCode);
    }
}
