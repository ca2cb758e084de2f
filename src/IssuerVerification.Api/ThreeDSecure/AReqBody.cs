using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace IssuerVerification.Api.ThreeDSecure;

/// <summary>
/// Reads the AReq body with the API's strict JSON options. A data element of the wrong JSON type (a number or an object
/// where EMV sends a string) makes a bad AReq, not an unreadable request: it is read as a message naming those elements
/// (<see cref="AuthenticationRequestMessage.WrongTypes"/>), answered with the Erro message (203) like any other bad AReq.
/// Anything else that cannot be read (not JSON, a duplicate element) stays a plain 400.
/// </summary>
internal static class AReqBody
{
    public static async ValueTask<AuthenticationRequestMessage> ReadAsync(HttpContext http)
    {
        if (!http.Request.HasJsonContentType())
        {
            throw new BadHttpRequestException("The AReq is not JSON.", StatusCodes.Status415UnsupportedMediaType);
        }
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, http.RequestAborted);
        var json = body.GetBuffer().AsMemory(0, (int)body.Length);
        try
        {
            return (json.IsEmpty ? null : JsonSerializer.Deserialize<AuthenticationRequestMessage>(json.Span, options))
                ?? throw new BadHttpRequestException("The AReq body was not provided.");
        }
        catch (JsonException e) when (WithWrongTypes(json, options, e) is { } wrong)
        {
            return wrong;
        }
        catch (JsonException e)
        {
            throw new BadHttpRequestException("The AReq could not be read.", e);
        }
    }

    /// <summary>
    /// The elements the message types as strings that the body gives another type, or that failed the element named by the
    /// error (a control character), with the two the Erro message echoes; null when there is none (the JSON is unreadable).
    /// </summary>
    private static AuthenticationRequestMessage? WithWrongTypes(ReadOnlyMemory<byte> json, JsonSerializerOptions options, JsonException error)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            var named = error.Path is ['$', '.', .. var name] ? name : null;
            var wrong = options.GetTypeInfo(typeof(AuthenticationRequestMessage)).Properties
                .Where(p => p.PropertyType == typeof(string) && root.TryGetProperty(p.Name, out var value)
                    && (p.Name == named || value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)))
                .Select(p => p.Name).ToList();
            string? Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            return wrong.Count == 0 ? null
                : new AuthenticationRequestMessage { MessageVersion = Text("messageVersion"), ThreeDSServerTransID = Text("threeDSServerTransID"), WrongTypes = wrong };
        }
    }
}
