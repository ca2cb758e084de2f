using IssuerVerification.Domain.Common;

namespace IssuerVerification.Domain.Tokens;

/// <summary>What an OTP send needs of a pending step-up: fields fixed when the verification was made.</summary>
public sealed record StepUp(Guid Id, byte[] CardFingerprint, IReadOnlyList<IdvMethod> IdvMethods, int OtpMaxSends, DateTime ExpiresAt)
{
    public static StepUp Of(TokenVerification v) => new(v.Id, v.CardFingerprint, v.IdvMethods, v.OtpMaxSends, v.ExpiresAt);
}

/// <summary>
/// The pending step-ups this replica made or read, so that an OTP send does not read its verification again. Only fields
/// that never change are kept, so a copy is never stale: whether the step-up is still pending and has sends left is decided
/// by the store's conditional update, on any replica. Bounded: when <paramref name="maxEntries"/> are kept, the expired copies
/// are dropped (at most once a minute), and while it is still full new ones are not kept (a send then reads the store, as on
/// another replica).
/// </summary>
public sealed class StepUps(int maxEntries = 100_000)
{
    private readonly BoundedCache<Guid, StepUp> _entries = new(maxEntries, TimeSpan.FromMinutes(1), s => s.ExpiresAt);

    public StepUp? Find(Guid id, DateTime now) => _entries.TryGet(id, now, out var stepUp) ? stepUp : null;

    public void Remember(TokenVerification verification, DateTime now)
    {
        if (verification.StatusAt(now) == TokenVerificationStatus.PendingIdv)
        {
            _entries.Set(verification.Id, StepUp.Of(verification), now);
        }
    }

    /// <summary>A step-up that ended through this replica.</summary>
    public void Forget(Guid id) => _entries.Remove(id);

    public int Count => _entries.Count;
}
