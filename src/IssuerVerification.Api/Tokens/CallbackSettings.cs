namespace IssuerVerification.Api.Tokens;

/// <summary>
/// <c>TokenVerification:AllowHttpLoopbackCallbacks</c>: plain http callback URLs to a loopback address (default: only in
/// Development and Testing). Every other callback URL must be https.
/// </summary>
public sealed record CallbackSettings(bool AllowHttpLoopback)
{
    public static CallbackSettings Read(IConfiguration configuration, IHostEnvironment environment) =>
        new(configuration.GetValue("TokenVerification:AllowHttpLoopbackCallbacks", environment.IsDevelopment() || environment.IsEnvironment("Testing")));

    public bool Allows(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length == 0 &&
        (uri.Scheme == Uri.UriSchemeHttps || (AllowHttpLoopback && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
