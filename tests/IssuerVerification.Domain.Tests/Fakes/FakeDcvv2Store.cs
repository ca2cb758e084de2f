using IssuerVerification.Domain.Dcvv2;

namespace IssuerVerification.Domain.Tests.Fakes;

/// <summary>Issuances and used single-use windows in memory.</summary>
internal sealed class FakeDcvv2Store : IDcvv2Store
{
    private readonly HashSet<(string Card, long Window, int Minutes)> _used = [];

    public List<Dcvv2Issuance> Issuances { get; } = [];

    public Task AddIssuanceAsync(Dcvv2Issuance issuance, CancellationToken ct)
    {
        Issuances.Add(issuance);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Dcvv2Issuance>> IssuancesAsync(byte[] cardFingerprint, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Dcvv2Issuance>>([.. Issuances.Where(i => i.CardFingerprint.SequenceEqual(cardFingerprint))]);

    public Task<bool> TryUseWindowAsync(byte[] cardFingerprint, long window, int windowMinutes, DateTime at, CancellationToken ct) =>
        Task.FromResult(_used.Add((Convert.ToHexString(cardFingerprint), window, windowMinutes)));
}
