using System.Security.Cryptography;
using IssuerVerification.Domain.Audit;

namespace IssuerVerification.Store.Tests;

/// <summary>The audit chain's HMAC under a fixed test key (the API's comes from the crypto provider).</summary>
internal sealed class TestAuditMac : IAuditMac
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    public void Compute(ReadOnlySpan<byte> data, Span<byte> mac) => HMACSHA256.HashData(Key, data, mac);
}
