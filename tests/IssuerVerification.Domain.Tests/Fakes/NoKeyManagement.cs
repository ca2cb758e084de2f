using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Domain.Tests.Fakes;

/// <summary>For a <see cref="Keys.KeyRing"/> that only hands out stored keys: creating or re-wrapping one is not expected.</summary>
internal sealed class NoKeyManagement : IKeyManagement
{
    public KeyHandle GenerateKey(Guid id, KeyUsage usage, KeyAlgorithm algorithm) => throw new NotSupportedException();

    public KeyHandle ImportKey(Guid id, KeyUsage usage, KeyAlgorithm algorithm, IReadOnlyList<byte[]> components) => throw new NotSupportedException();

    public string CheckValue(KeyHandle key) => throw new NotSupportedException();

    public bool IsCurrent(KeyHandle key) => throw new NotSupportedException();

    public KeyHandle Rewrap(KeyHandle key) => throw new NotSupportedException();
}
