namespace IssuerVerification.Api.Health;

/// <summary>
/// <c>dotnet IssuerVerification.Api.dll --health-check</c>: asks the running service's <c>/health/ready</c> on this container's
/// port (the first of <c>ASPNETCORE_HTTP_PORTS</c>, else 8080) and exits 0 when ready, 1 otherwise. The container's health
/// check needs nothing installed besides the service (no curl).
/// </summary>
internal static class HealthProbe
{
    public const string Argument = "--health-check";

    public static async Task<int> RunAsync()
    {
        var port = (Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS") ?? "8080").Split([',', ';'])[0].Trim();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health/ready"));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return 1;
        }
    }
}
