using IssuerVerification.Domain.Common;
using IssuerVerification.Domain.Crypto;
using IssuerVerification.Domain.Keys;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Store.Tests;

/// <summary>A ceremony changes only from the version it was read at; the last step writes the key in the same transaction.</summary>
public sealed class KeyCeremonyStoreTests
{
    public static TheoryData<string> Stores => TestStores.All;

    [Theory, MemberData(nameof(Stores))]
    public async Task Of_two_writes_from_one_version_one_wins(string store)
    {
        await using var db = await TestDatabase.CreateAsync(store);
        var ceremonies = db.Services.GetRequiredService<IKeyCeremonyStore>();
        var opened = Ceremony("cvk-race");
        await ceremonies.AddAsync(opened, default);

        var reads = new List<KeyCeremony>();
        for (var i = 0; i < 8; i++)
        {
            var read = (await ceremonies.FindAsync(opened.Id, default))!;
            read.Components.Add(new CeremonyComponent($"client-{i}", $"custodian-{i}", "D5D44F", DateTime.UtcNow));
            read.Partial = [(byte)i];
            read.Version++;
            reads.Add(read);
        }
        var wins = await Task.WhenAll(reads.Select(read => Task.Run(() => ceremonies.TryUpdateAsync(read, 0, null, default))));

        Assert.Single(wins, w => w);
        var stored = (await ceremonies.FindAsync(opened.Id, default))!;
        Assert.Equal((1, 1), (stored.Version, stored.Components.Count));
        Assert.Equal(stored.Components[0].ClientId, $"client-{stored.Partial![0]}");
        Assert.Equal(opened.Id, (await ceremonies.FindOpenAsync("cvk-race", default))?.Id);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task The_last_step_and_its_key_are_written_together(string store)
    {
        await using var db = await TestDatabase.CreateAsync(store);
        var (ceremonies, keys) = (db.Services.GetRequiredService<IKeyCeremonyStore>(), db.Services.GetRequiredService<IKeyStore>());
        var taken = Ceremony("cvk-taken");
        await ceremonies.AddAsync(taken, default);
        await keys.AddAsync(Key("cvk-taken"), default);

        taken.Status = CeremonyStatus.Completed;
        taken.Version++;
        await Assert.ThrowsAsync<ConflictException>(() => ceremonies.TryUpdateAsync(taken, 0, Key("cvk-taken"), default));
        Assert.Equal(CeremonyStatus.Open, (await ceremonies.FindAsync(taken.Id, default))!.Status);

        var free = Ceremony("cvk-free");
        await ceremonies.AddAsync(free, default);
        free.Status = CeremonyStatus.Completed;
        free.Version++;
        Assert.True(await ceremonies.TryUpdateAsync(free, 0, Key("cvk-free"), default));
        Assert.NotNull(await keys.FindAsync("cvk-free", default));
        Assert.Null(await ceremonies.FindOpenAsync("cvk-free", default));
    }

    private static KeyCeremony Ceremony(string alias) => new()
    {
        Id = Guid.NewGuid(),
        Alias = alias,
        Usage = KeyUsage.Cvk,
        Algorithm = KeyAlgorithm.Tdes2Key,
        ComponentCount = 2,
        Status = CeremonyStatus.Open,
        OpenedBy = "admin",
        OpenedAt = DateTime.UtcNow,
        ExpiresAt = DateTime.UtcNow.AddHours(24),
    };

    private static StoredKey Key(string alias) => new()
    {
        Id = Guid.NewGuid(),
        Alias = alias,
        Usage = KeyUsage.Cvk,
        Algorithm = KeyAlgorithm.Tdes2Key,
        Wrapped = [2],
        Kcv = "08D7B4",
        CreatedAt = DateTime.UtcNow,
    };
}
