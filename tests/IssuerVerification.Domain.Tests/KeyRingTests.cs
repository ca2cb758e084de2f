using IssuerVerification.Domain.Common;
using IssuerVerification.Domain.Crypto;
using IssuerVerification.Domain.Keys;
using IssuerVerification.Domain.Tests.Fakes;

namespace IssuerVerification.Domain.Tests;

/// <summary>Two replicas' key rings on one store: a retirement reaches the other within <see cref="KeyRing.CacheLifetime"/>.</summary>
public sealed class KeyRingTests
{
    private static readonly RangeKeys Range = new(new Dictionary<KeySlot, string> { [KeySlot.Cvv2] = "cvk" });

    [Fact]
    public async Task A_retired_key_is_refused_here_at_once_and_on_another_replica_within_the_cache_lifetime()
    {
        var clock = new FakeClock(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        var store = new FakeKeyStore(new StoredKey
        {
            Id = Guid.NewGuid(),
            Alias = "cvk",
            Usage = KeyUsage.Cvk,
            Algorithm = KeyAlgorithm.Tdes2Key,
            Wrapped = [1],
            Kcv = "08D7B4",
        });
        var (here, there) = (Ring(store, clock), Ring(store, clock));
        await there.HandleAsync(Range, KeySlot.Cvv2, default);

        await here.RetireAsync("cvk", "admin", default);
        await Assert.ThrowsAsync<CannotServeException>(() => here.HandleAsync(Range, KeySlot.Cvv2, default));
        clock.Advance(KeyRing.CacheLifetime);
        await there.HandleAsync(Range, KeySlot.Cvv2, default);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await Assert.ThrowsAsync<CannotServeException>(() => there.HandleAsync(Range, KeySlot.Cvv2, default));
    }

    private static KeyRing Ring(FakeKeyStore store, FakeClock clock) => new(store, new NoKeyManagement(), new FakeAuditLog(), clock);
}
