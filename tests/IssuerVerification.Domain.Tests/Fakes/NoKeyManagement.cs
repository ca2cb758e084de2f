using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Domain.Tests.Fakes;

/// <summary>
/// For a <see cref="Keys.KeyRing"/> that only hands out stored keys, all intact (their KCV is the stored one):
/// creating or re-wrapping one is not expected.
/// </summary>
internal sealed class NoKeyManagement : IKeyManagement
{
    public KeyHandle GenerateKey(Guid id, string alias, KeyUsage usage, KeyAlgorithm algorithm, bool exportable = false) => throw new NotSupportedException();

    public KeyHandle ImportKey(Guid id, string alias, KeyUsage usage, KeyAlgorithm algorithm, IReadOnlyList<byte[]> components, bool exportable = false) => throw new NotSupportedException();

    public ComponentAdded AddComponent(Guid ceremonyId, KeyAlgorithm algorithm, PartialKey? partial, byte[] component) => throw new NotSupportedException();

    public KeyHandle CompleteKey(Guid id, string alias, KeyUsage usage, PartialKey partial, bool exportable = false) => throw new NotSupportedException();

    public string CheckValue(KeyHandle key) => key.Kcv;

    public bool IsCurrent(KeyHandle key) => throw new NotSupportedException();

    public bool HasCurrentFormat(KeyHandle key) => throw new NotSupportedException();

    public KeyHandle Rewrap(KeyHandle key) => throw new NotSupportedException();
}
