using System.Security.Cryptography;

namespace IssuerVerification.Crypto.Algorithms;

/// <summary>
/// Informational only (vector aav-spa2-iav-gocavv): HMAC-SHA256 truncated to 4 bytes over go-cavv's
/// SPA2 MAC input. The SPA2 AAV layout is not public, so no provider operation uses it.
/// </summary>
internal static class MastercardSpa2Iav
{
    public static void Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> macInput, Span<byte> fourBytes)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, macInput, mac);
        mac[..4].CopyTo(fourBytes);
    }
}
