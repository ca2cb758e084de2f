using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Api.Admin;

/// <summary>A key ceremony: who submitted which component (by its KCV), and the key's KCV once it is complete.</summary>
/// <param name="Status">open, completed, expired or cancelled.</param>
/// <param name="Components">The components submitted so far, in order: custodian and component KCV (never the component).</param>
/// <param name="ExpiresAt">An open ceremony that has not received every component by then expires; no key is made.</param>
/// <param name="Kcv">The combined key's check value, once the last component arrived; compare it with the key form.</param>
public sealed record KeyCeremonyResponse(
    Guid Id, string Alias, KeyUsage Usage, KeyAlgorithmName Algorithm, int ComponentCount, string Status,
    IReadOnlyList<CeremonyComponentResponse> Components, string OpenedBy, DateTime OpenedAt, DateTime ExpiresAt, DateTime? ClosedAt, string? Kcv);

/// <summary>One submitted component.</summary>
/// <param name="Custodian">The name of the client that submitted it.</param>
/// <param name="Kcv">The check value of that component alone.</param>
public sealed record CeremonyComponentResponse(string Custodian, string Kcv, DateTime SubmittedAt);

/// <summary>The answer to a component: its KCV, and the ceremony (with the key's KCV when this was the last component).</summary>
/// <param name="ComponentKcv">The check value of the component just submitted; compare it with the component form.</param>
public sealed record ComponentSubmittedResponse(string ComponentKcv, KeyCeremonyResponse Ceremony);
