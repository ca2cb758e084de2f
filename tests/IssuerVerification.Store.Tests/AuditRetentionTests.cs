using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Store.Tests;

/// <summary>Audit retention on both stores: old records go (on PostgreSQL with their month's partition), chains still verify.</summary>
public sealed class AuditRetentionTests
{
    public static TheoryData<string> Stores => TestStores.All;

    // PostgreSQL refuses to drop a month younger than 365 days by its own clock, so the times are around the real now.
    private static readonly DateTime Today = DateTime.UtcNow.Date;
    private static readonly DateTime Old = Today.AddMonths(-20);
    private static readonly DateTime Recent = Today.AddDays(-1);

    [Theory, MemberData(nameof(Stores))]
    public async Task Expired_records_go_and_every_chain_verifies_from_its_checkpoint(string store)
    {
        await using var db = await TestDatabase.CreateAsync(store);
        await using var second = db.NewServices();
        var retention = db.Services.GetRequiredService<AuditRetention>();
        Assert.Equal(0, await retention.PurgeAsync(Old, default)); // run back then: on PostgreSQL, that month's partition and three ahead
        await WriteAsync(db.Services, Old, 5);
        await WriteAsync(db.Services, Recent, 5); // one chain runs across the cutoff
        await WriteAsync(second, Old, 5); // the other expires whole

        Assert.Equal(10, await retention.PurgeAsync(Today, default));

        var records = await RecordsAsync(db);
        Assert.Equal(Enumerable.Range(5, 5).Select(i => (long)i), records.Select(r => r.Seq));
        Assert.Equal(new AuditIntegrity(true, 1, 5, 0, null), await db.Services.GetRequiredService<AuditTrail>().VerifyAsync(default));
        if (store == TestStores.Postgres)
        {
            var partitions = await PartitionsAsync(db);
            Assert.DoesNotContain($"AuditLog_{Old:yyyyMM}", partitions);
            Assert.DoesNotContain($"AuditLog_{Old.AddMonths(3):yyyyMM}", partitions); // expired too, though empty
            Assert.Contains($"AuditLog_{Today:yyyyMM}", partitions);
            Assert.Contains($"AuditLog_{Today.AddMonths(3):yyyyMM}", partitions);
        }

        // The record after the checkpoint is still checked against it: a change is named.
        await SqlAsync(db, $"UPDATE \"AuditLog\" SET \"Reason\" = 'edited' WHERE \"Id\" = {records[0].Id}");
        var broken = await db.Services.GetRequiredService<AuditTrail>().VerifyAsync(default);
        Assert.False(broken.Intact);
        Assert.Equal(records[0].Id, broken.FirstBroken!.Id);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task A_removal_cut_short_is_passed_over_by_the_check_and_finished_by_the_next_run(string store)
    {
        await using var db = await TestDatabase.CreateAsync(store);
        var retention = db.Services.GetRequiredService<AuditRetention>();
        await retention.PurgeAsync(Old, default);
        await WriteAsync(db.Services, Old, 3);
        await WriteAsync(db.Services, Recent, 2);
        var left = (await RecordsAsync(db))[1]; // as if its delete had not run: behind the checkpoint
        await retention.PurgeAsync(Today, default);
        await using (var context = await db.Services.GetRequiredService<IDbContextFactory<IssuerDbContext>>().CreateDbContextAsync())
        {
            context.AuditLog.Add(left);
            await context.SaveChangesAsync();
        }

        Assert.Equal(new AuditIntegrity(true, 1, 3, 0, null), await db.Services.GetRequiredService<AuditTrail>().VerifyAsync(default));
        Assert.Equal(1, await retention.PurgeAsync(Today, default));
        Assert.Equal([3L, 4L], (await RecordsAsync(db)).Select(r => r.Seq));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task A_record_due_to_expire_that_does_not_verify_holds_everything_back(string store)
    {
        await using var db = await TestDatabase.CreateAsync(store);
        var retention = db.Services.GetRequiredService<AuditRetention>();
        await retention.PurgeAsync(Old, default);
        await WriteAsync(db.Services, Old, 5);
        var victim = (await RecordsAsync(db))[2];
        await SqlAsync(db, $"UPDATE \"AuditLog\" SET \"Outcome\" = 'match' WHERE \"Id\" = {victim.Id}");

        var held = await Assert.ThrowsAsync<RetentionHeldException>(() => retention.PurgeAsync(Today, default));
        Assert.Contains($"Audit record {victim.Id}", held.Message, StringComparison.Ordinal);
        Assert.Equal(5, (await RecordsAsync(db)).Count);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task A_chains_times_never_go_backwards(string store)
    {
        await using var db = await TestDatabase.CreateAsync(store);
        var audit = db.Services.GetRequiredService<IAuditLog>();
        await audit.WriteAsync(Record(Recent), default);
        await audit.WriteAsync(Record(Recent.AddSeconds(-1)), default); // a request that reached the writer late

        Assert.Equal([Recent, Recent], (await RecordsAsync(db)).Select(r => r.At));
    }

    private static async Task WriteAsync(IServiceProvider services, DateTime at, int count)
    {
        var audit = services.GetRequiredService<IAuditLog>();
        for (var i = 0; i < count; i++)
        {
            await audit.WriteAsync(Record(at.AddSeconds(i)), default);
        }
    }

    private static AuditEntry Record(DateTime at) => new() { At = at, Client = "tester", Action = "test", Outcome = AuditOutcomes.Changed };

    private static async Task<List<AuditEntry>> RecordsAsync(TestDatabase db)
    {
        await using var context = await db.Services.GetRequiredService<IDbContextFactory<IssuerDbContext>>().CreateDbContextAsync();
        return await context.AuditLog.OrderBy(e => e.Chain).ThenBy(e => e.Seq).ToListAsync();
    }

    private static async Task<List<string>> PartitionsAsync(TestDatabase db)
    {
        await using var context = await db.Services.GetRequiredService<IDbContextFactory<IssuerDbContext>>().CreateDbContextAsync();
        return await context.Database.SqlQueryRaw<string>(
            "SELECT c.relname AS \"Value\" FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = '\"AuditLog\"'::regclass").ToListAsync();
    }

    private static async Task SqlAsync(TestDatabase db, string sql)
    {
        await using var context = await db.Services.GetRequiredService<IDbContextFactory<IssuerDbContext>>().CreateDbContextAsync();
        await context.Database.ExecuteSqlRawAsync(sql);
    }
}
