namespace IssuerVerification.Client.Tests;

/// <summary>The README's flows through the generated client: every call is a generated method, every value a generated type.</summary>
public sealed class VerificationFlowTests : IClassFixture<DemoServer>
{
    private readonly IssuerVerificationClient _client;

    public VerificationFlowTests(DemoServer server) => _client = server.Client(DemoServer.DemoClientKey);

    /// <summary>Regression: the server sends "reason": null on every match, which the generated client must accept.</summary>
    [Fact]
    public async Task Cvv_match_has_a_null_reason()
    {
        var result = await _client.VerifyCvvAsync(new CvvVerifyRequest { Pan = "4444333322221111", Expiry = "9911", Kind = CvvKind.Cvv2, Value = "114" });

        Assert.Equal(VerificationOutcome.Match, result.Result);
        Assert.Null(result.Reason);
    }

    [Fact]
    public async Task Cvv_no_match_has_a_reason()
    {
        var result = await _client.VerifyCvvAsync(new CvvVerifyRequest { Pan = "4444333322221111", Expiry = "9911", Kind = CvvKind.Cvv2, Value = "115" });

        Assert.Equal(VerificationOutcome.No_match, result.Result);
        Assert.Equal(MismatchReason.Value_mismatch, result.Reason);
    }

    [Fact]
    public async Task Cvc3_generated_then_verified()
    {
        var generated = await _client.GenerateCvc3Async(new Cvc3GenerateRequest
        { Pan = "5392692002902681", Psn = "01", Ivcvc3 = "8342", UnpredictableNumber = "00000899", Atc = "0101" });

        var result = await _client.VerifyCvc3Async(new Cvc3VerifyRequest
        { Pan = "5392692002902681", Psn = "01", Ivcvc3 = "8342", UnpredictableNumber = "00000899", Atc = "0101", Cvc3 = generated.Cvc3[^3..] });

        Assert.Equal(5, generated.Cvc3.Length);
        Assert.Equal("8342", generated.Ivcvc3);
        Assert.Equal(VerificationOutcome.Match, result.Result);
        Assert.Null(result.Reason);
    }

    [Fact]
    public async Task Dcvv2_three_generated_then_the_first_verified()
    {
        var generated = await _client.GenerateDcvv2Async(new Dcvv2GenerateRequest { Pan = "4444333322221111", Count = 3 });

        var result = await _client.VerifyDcvv2Async(new Dcvv2VerifyRequest { Pan = "4444333322221111", Dcvv2 = generated.Values.First().Dcvv2 });

        Assert.Equal(3, generated.Values.Count);
        Assert.Equal("444433******1111", generated.MaskedPan);
        Assert.Equal(VerificationOutcome.Match, result.Result);
        Assert.Null(result.Reason);
        Assert.Equal(generated.Values.First().ValidFrom, result.ValidFrom);
    }
}
