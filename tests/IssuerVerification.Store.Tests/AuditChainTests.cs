using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Verification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Store.Tests;

/// <summary>The audit chain as the group-commit writer writes it, and the integrity check, on both stores.</summary>
public sealed class AuditChainTests
{
    public static TheoryData<string> Stores => TestStores.All;

    private static readonly DateTime Now = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Theory, MemberData(nameof(Stores))]
    public async Task Records_and_decisions_of_two_writers_form_two_intact_chains(string store)
    {
        await using var db = await TestDatabase.CreateAsync(store);
        await using var second = db.NewServices();
        await WriteAsync(db.Services, 30);
        await WriteAsync(second, 30);

        var integrity = await db.Services.GetRequiredService<AuditTrail>().VerifyAsync(default);
        Assert.Equal(new AuditIntegrity(true, 2, 2 * 90, 0, null), integrity);
        var records = await RecordsAsync(db);
        Assert.All(records.GroupBy(r => r.Chain), chain => Assert.Equal(Enumerable.Range(0, 90).Select(i => (long)i), chain.Select(r => r.Seq).Order()));
        Assert.Contains(records, r => r.Reason == "card_locked"); // a decision whose outcome was chosen at commit verifies too
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task A_changed_record_is_named(string store)
    {
        await using var db = await TestDatabase.CreateAsync(store);
        await WriteAsync(db.Services, 10);
        var victim = (await RecordsAsync(db))[7];
        await SqlAsync(db, $"UPDATE \"AuditLog\" SET \"Outcome\" = 'match' WHERE \"Id\" = {victim.Id}");
        await AssertBrokenAtAsync(db, victim.Id, "seal");
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task A_deleted_record_is_named_by_the_one_after_it(string store)
    {
        await using var db = await TestDatabase.CreateAsync(store);
        await WriteAsync(db.Services, 10);
        var records = await RecordsAsync(db);
        await SqlAsync(db, $"DELETE FROM \"AuditLog\" WHERE \"Id\" = {records[4].Id}");
        await AssertBrokenAtAsync(db, records[5].Id, "missing");
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Two_swapped_records_are_named(string store)
    {
        await using var db = await TestDatabase.CreateAsync(store);
        await WriteAsync(db.Services, 10);
        var records = await RecordsAsync(db);
        var (a, b) = (records[3], records[6]);
        await SqlAsync(db, $"UPDATE \"AuditLog\" SET \"Seq\" = -1 WHERE \"Id\" = {a.Id}");
        await SqlAsync(db, $"UPDATE \"AuditLog\" SET \"Seq\" = {a.Seq} WHERE \"Id\" = {b.Id}");
        await SqlAsync(db, $"UPDATE \"AuditLog\" SET \"Seq\" = {b.Seq} WHERE \"Id\" = {a.Id}");
        await AssertBrokenAtAsync(db, b.Id, "seal"); // now in a's place: its seal was made for its own place
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task After_a_failed_batch_the_writer_starts_a_new_chain_and_every_chain_verifies(string store)
    {
        await using var db = await TestDatabase.CreateAsync(store);
        var audit = db.Services.GetRequiredService<IAuditLog>();
        await WriteAsync(db.Services, 5);
        // A record the database refuses (Client is NOT NULL): the batch fails, nothing of it is written.
        await Assert.ThrowsAnyAsync<Exception>(() => audit.WriteAsync(Record("bad") with { Client = null! }, default));
        await WriteAsync(db.Services, 5);

        var integrity = await db.Services.GetRequiredService<AuditTrail>().VerifyAsync(default);
        Assert.True(integrity.Intact, integrity.FirstBroken?.Problem);
        Assert.Equal(2, integrity.Chains);
        Assert.Equal(2 * 5 * 3, integrity.Records);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Records_written_before_the_chain_are_counted_not_verified(string store)
    {
        await using var db = await TestDatabase.CreateAsync(store);
        await WriteAsync(db.Services, 2);
        await SqlAsync(db, $"INSERT INTO \"AuditLog\" (\"At\", \"Client\", \"Action\", \"Outcome\", \"Chain\", \"Seq\", \"Mac\") SELECT \"At\", \"Client\", \"Action\", \"Outcome\", '{AuditTrail.Unchained}', 1, \"Mac\" FROM \"AuditLog\" WHERE \"Seq\" = 0");
        Assert.Equal(new AuditIntegrity(true, 1, 6, 1, null), await db.Services.GetRequiredService<AuditTrail>().VerifyAsync(default));
    }

    /// <summary>Per round, concurrently: a plain record, a failure (which locks its card) and a match, on one of four cards.</summary>
    private static async Task WriteAsync(IServiceProvider services, int rounds)
    {
        var audit = services.GetRequiredService<IAuditLog>();
        var lockouts = services.GetRequiredService<ILockoutStore>();
        for (var i = 0; i < rounds; i++)
        {
            byte[] card = [(byte)(i % 4)];
            await Task.WhenAll(
                audit.WriteAsync(Record($"round {i}"), default),
                lockouts.DecideAsync(new Decision(Record(null) with { CardFingerprint = card, Outcome = AuditOutcomes.NoMatch, Reason = "value_mismatch" },
                    LockoutEffect.CountFailure, 1, Now.AddMinutes(30), Now), default),
                lockouts.DecideAsync(new Decision(Record(null) with { CardFingerprint = card, Outcome = AuditOutcomes.Match },
                    LockoutEffect.Reset, 1, Now.AddMinutes(30), Now), default));
        }
    }

    private static AuditEntry Record(string? reason) => new()
    {
        At = Now,
        Client = "tester",
        Action = "test",
        Target = "target",
        Outcome = AuditOutcomes.Changed,
        Reason = reason,
    };

    private static async Task<List<AuditEntry>> RecordsAsync(TestDatabase db)
    {
        await using var context = await db.Services.GetRequiredService<IDbContextFactory<IssuerDbContext>>().CreateDbContextAsync();
        return await context.AuditLog.OrderBy(e => e.Chain).ThenBy(e => e.Seq).ToListAsync();
    }

    private static async Task SqlAsync(TestDatabase db, string sql)
    {
        await using var context = await db.Services.GetRequiredService<IDbContextFactory<IssuerDbContext>>().CreateDbContextAsync();
        await context.Database.ExecuteSqlRawAsync(sql);
    }

    private static async Task AssertBrokenAtAsync(TestDatabase db, long id, string problem)
    {
        var integrity = await db.Services.GetRequiredService<AuditTrail>().VerifyAsync(default);
        Assert.False(integrity.Intact);
        Assert.Equal(id, integrity.FirstBroken!.Id);
        Assert.Contains(problem, integrity.FirstBroken.Problem, StringComparison.Ordinal);
    }
}
