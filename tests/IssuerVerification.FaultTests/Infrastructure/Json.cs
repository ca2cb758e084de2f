using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace IssuerVerification.FaultTests.Infrastructure;

public static class Json
{
    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body, CancellationToken ct = default) =>
        client.PostAsJsonAsync(path, body, Web, ct);

    /// <summary>Posts raw JSON text as application/json (for bodies a serializer would not write).</summary>
    public static Task<HttpResponseMessage> SendRawAsync(this HttpClient client, HttpMethod method, string path, string json,
        IDictionary<string, string>? headers = null, CancellationToken ct = default)
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return client.SendAsync(request, ct);
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{response.RequestMessage?.RequestUri?.AbsolutePath}: expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;
}
