namespace IssuerVerification.Domain.Dcvv2;

public interface IDcvv2Store
{
    Task AddIssuanceAsync(Dcvv2Issuance issuance, CancellationToken ct);

    Task<IReadOnlyList<Dcvv2Issuance>> IssuancesAsync(byte[] cardFingerprint, CancellationToken ct);

    /// <summary>Atomically marks a single-use window as used; false when it was used already.</summary>
    Task<bool> TryUseWindowAsync(byte[] cardFingerprint, long window, int windowMinutes, DateTime at, CancellationToken ct);
}
