namespace IssuerVerification.Domain.Crypto;

/// <summary>
/// The XOR of the components a key ceremony has received so far, wrapped by the crypto provider and bound to the
/// ceremony and to how many components it holds: it never exists in clear outside the provider, and it cannot be
/// used as a key or moved to another ceremony or step.
/// </summary>
public sealed record PartialKey(Guid CeremonyId, KeyAlgorithm Algorithm, int Components, byte[] Wrapped);

/// <summary>A component added to a ceremony: the new partial key and the check value of that component alone.</summary>
public sealed record ComponentAdded(PartialKey Partial, string ComponentKcv);
