namespace IssuerVerification.Api.ThreeDSecure;

/// <summary>
/// Where the cardholder's browser reaches the challenge page: <c>ThreeDs:PublicBaseUrl</c> (the ACS's public address; by
/// default the address the AReq came to) followed by <see cref="ChallengePath"/>.
/// </summary>
public sealed record ThreeDsPublicUrl(Uri? BaseUrl)
{
    public const string ChallengePath = "/3ds/challenge";

    public static ThreeDsPublicUrl Read(IConfiguration configuration) =>
        new(configuration["ThreeDs:PublicBaseUrl"] is { Length: > 0 } url ? new Uri(url, UriKind.Absolute) : null);

    public Uri ChallengeUrl(HttpRequest request) =>
        new((BaseUrl?.ToString() ?? $"{request.Scheme}://{request.Host}/").TrimEnd('/') + ChallengePath);
}
