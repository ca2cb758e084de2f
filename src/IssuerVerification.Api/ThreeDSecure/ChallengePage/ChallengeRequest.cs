using System.Buffers.Text;
using System.Text.Json;

namespace IssuerVerification.Api.ThreeDSecure.ChallengePage;

/// <summary>
/// The browser CReq the 3DS requestor's page posts as form field <c>creq</c>: base64url (padding tolerated) of a JSON object.
/// Fields this page does not use are ignored; the ones it uses must be present and well formed, or the CReq is refused.
/// </summary>
public sealed record ChallengeRequest(Guid ThreeDSServerTransId, Guid AcsTransId, string MessageVersion, ChallengeWindow Window)
{
    private const int MaxLength = 4096;
    private static readonly string[] Versions = ["2.2.0", "2.3.1"];

    public static ChallengeRequest? TryDecode(string? creq)
    {
        if (string.IsNullOrEmpty(creq) || creq.Length > MaxLength)
        {
            return null;
        }
        var text = creq.TrimEnd('=');
        var bytes = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        if (Base64Url.DecodeFromChars(text, bytes, out var consumed, out var written) != System.Buffers.OperationStatus.Done || consumed != text.Length)
        {
            return null;
        }
        try
        {
            using var json = JsonDocument.Parse(bytes.AsMemory(0, written));
            var root = json.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && Text(root, "messageType") == "CReq"
                && Text(root, "messageVersion") is { } version && Versions.Contains(version)
                && Guid.TryParseExact(Text(root, "threeDSServerTransID"), "D", out var serverTransId)
                && Guid.TryParseExact(Text(root, "acsTransID"), "D", out var acsTransId)
                && ChallengeWindow.TryParse(Text(root, "challengeWindowSize"), out var window)
                ? new ChallengeRequest(serverTransId, acsTransId, version, window)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
