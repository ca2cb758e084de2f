namespace IssuerVerification.Client.Tests;

/// <summary>Errors reach the caller as the generated exception types, carrying the problem details.</summary>
public sealed class ProblemFlowTests(DemoServer server) : IClassFixture<DemoServer>
{
    private const string Problems = "https://issuer-verification.dev/problems/";

    [Fact]
    public async Task Missing_api_key_is_401_unauthorized()
    {
        var e = await Assert.ThrowsAsync<IssuerVerificationApiException<ProblemDetails>>(() =>
            server.Client(apiKey: null).VerifyCvvAsync(new CvvVerifyRequest { Pan = "4444333322221111", Expiry = "9911", Kind = CvvKind.Cvv2, Value = "114" }));

        Assert.Equal(401, e.StatusCode);
        Assert.Equal(Problems + "unauthorized", e.Result.Type);
    }

    [Fact]
    public async Task Invalid_fields_are_400_with_their_errors()
    {
        var e = await Assert.ThrowsAsync<IssuerVerificationApiException<HttpValidationProblemDetails>>(() =>
            server.Client().VerifyCvvAsync(new CvvVerifyRequest { Pan = "4444333322221112", Expiry = "9911", Kind = CvvKind.Cvv2, Value = "114" }));

        Assert.Equal(400, e.StatusCode);
        Assert.Equal(Problems + "validation", e.Result.Type);
        Assert.Contains("pan", e.Result.Errors.Keys);
    }

    [Fact]
    public async Task Pan_without_a_card_range_is_422_no_card_range()
    {
        var e = await Assert.ThrowsAsync<IssuerVerificationApiException<ProblemDetails>>(() =>
            server.Client().VerifyCvvAsync(new CvvVerifyRequest { Pan = "4111111111111111", Expiry = "3012", Kind = CvvKind.Cvv2, Value = "123" }));

        Assert.Equal(422, e.StatusCode);
        Assert.Equal(Problems + "no-card-range", e.Result.Type);
        Assert.Equal(422, e.Result.Status);
    }
}
