namespace IssuerVerification.Api.Tokens;

/// <summary>
/// <c>TokenVerification:AllowHttpLoopbackCallbacks</c>: plain http callback URLs to a loopback address (default: only in
/// Development and Testing). Every other callback URL must be https. <c>TokenVerification:CallbackPollMilliseconds</c>: how
/// often the dispatcher looks for due callbacks (default 1000).
/// </summary>
public sealed record CallbackSettings(bool AllowHttpLoopback, TimeSpan Poll)
{
    public static CallbackSettings Read(IConfiguration configuration, IHostEnvironment environment) => new(
        configuration.GetValue("TokenVerification:AllowHttpLoopbackCallbacks", environment.IsDevelopment() || environment.IsEnvironment("Testing")),
        TimeSpan.FromMilliseconds(configuration.GetValue("TokenVerification:CallbackPollMilliseconds", 1000)));

    public bool Allows(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length == 0 &&
        (uri.Scheme == Uri.UriSchemeHttps || (AllowHttpLoopback && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
