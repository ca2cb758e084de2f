namespace IssuerVerification.Domain.Clients;

public static class Scopes
{
    public const string Admin = "admin";
    public const string CardGenerate = "card:generate";
    public const string CardVerify = "card:verify";
    public const string Dcvv2Generate = "dcvv2:generate";
    public const string TokenVerify = "token:verify";
    public const string IssuerApp = "issuer:app";
    public const string ThreeDsAcs = "3ds:acs";
    public const string ThreeDsHistory = "3ds:history";
    /// <summary>Submits one component to a key ceremony. Granted only explicitly: an admin is not a key custodian by default.</summary>
    public const string KeyCustodian = "key:custodian";

    public static readonly IReadOnlyList<string> All =
        [Admin, CardGenerate, CardVerify, Dcvv2Generate, TokenVerify, IssuerApp, ThreeDsAcs, ThreeDsHistory, KeyCustodian];

    /// <summary>The scopes that produce card security values: granted only explicitly, never implied by <see cref="Admin"/>.</summary>
    public static readonly IReadOnlyList<string> ValueGenerating = [CardGenerate, Dcvv2Generate];

    /// <summary>The scopes <see cref="Admin"/> does not imply: the value-generating ones, and key custody (dual control).</summary>
    public static readonly IReadOnlyList<string> ExplicitOnly = [.. ValueGenerating, KeyCustodian];

    /// <summary>Whether a client with these scopes may call an endpoint that requires <paramref name="required"/>.</summary>
    public static bool Grant(IEnumerable<string> held, string required) =>
        held.Contains(required) || (held.Contains(Admin) && !ExplicitOnly.Contains(required));
}
