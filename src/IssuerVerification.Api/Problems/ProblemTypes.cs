namespace IssuerVerification.Api.Problems;

/// <summary>Stable problem <c>type</c> URIs; each is documented in docs/errors.md.</summary>
public static class ProblemTypes
{
    private const string Base = "https://issuer-verification.dev/problems/";

    public const string Validation = Base + "validation";
    public const string Unauthorized = Base + "unauthorized";
    public const string Forbidden = Base + "forbidden";
    public const string NotFound = Base + "not-found";
    public const string Conflict = Base + "conflict";
    public const string IdempotencyKeyReuse = Base + "idempotency-key-reuse";
    public const string IdempotencyKeyInProgress = Base + "idempotency-key-in-progress";
    public const string PayloadTooLarge = Base + "payload-too-large";
    public const string UnsupportedMediaType = Base + "unsupported-media-type";
    public const string RateLimited = Base + "rate-limited";
    public const string StoreUnavailable = Base + "store-unavailable";
    public const string CryptoUnavailable = Base + "crypto-unavailable";
    public const string Internal = Base + "internal";
    public const string CardIntegrity = Base + "card-integrity";

    public static string For(string shortType) => Base + shortType;
}
