namespace IssuerVerification.Domain.Crypto;

/// <summary>A component or combined key the provider refuses to make a key of (<see cref="WeakKeys"/>); the message names no key byte.</summary>
public sealed class WeakKeyException(string message) : Exception(message);
