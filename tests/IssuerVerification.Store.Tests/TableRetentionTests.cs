using IssuerVerification.Domain.Common;
using IssuerVerification.Domain.Dcvv2;
using IssuerVerification.Domain.Retention;
using IssuerVerification.Domain.Tokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Store.Tests;

/// <summary>Every growing table but the audit log: what is past its retention goes, in batches, and what is not stays.</summary>
public sealed class TableRetentionTests
{
    public static TheoryData<string> Stores => TestStores.All;

    private static readonly DateTime Now = new(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);
    private static readonly RetentionSettings Settings = new() { BatchSize = 2 };

    [Theory, MemberData(nameof(Stores))]
    public async Task Each_table_loses_its_expired_records_and_keeps_the_others(string store)
    {
        await using var db = await TestDatabase.CreateAsync(store);
        await using var services = db.NewServices(new RetentionSettings { BatchSize = 2 });
        var contexts = services.GetRequiredService<IDbContextFactory<IssuerDbContext>>();
        await using (var context = await contexts.CreateDbContextAsync())
        {
            // Per table, three just past their retention (more than one batch) and one just within it.
            foreach (var (age, name) in Ages("old", TimeSpan.FromMinutes(1), 3).Concat(Ages("new", TimeSpan.FromMinutes(-1), 1)))
            {
                context.AddRange(Idempotency(name, Now - Settings.Idempotency - age), Outbox(name, Now - Settings.Outbox - age),
                    Issuance(name, Now - Settings.Dcvv2 - age), UsedWindow(name, Now - Settings.Dcvv2 - age),
                    Verification(name, Now - Settings.TokenVerifications - age), Callback(name, Now - Settings.TokenVerifications - age));
            }
            await context.SaveChangesAsync();
        }

        var removed = new Dictionary<string, long>();
        foreach (var task in services.GetServices<IRetentionTask>())
        {
            removed[task.Name] = await task.PurgeAsync(Now, default);
        }

        string[] tables = ["IdempotencyRecords", "Outbox", "Dcvv2Issuances", "Dcvv2UsedWindows", "TokenVerifications", "TokenCallbacks"];
        string[] threeDs = ["ThreeDsAuthentications", "ThreeDsIssuedValues"]; // purged in the 3-D Secure history tests (Api)
        Assert.Equal(tables.Concat(threeDs).Order(), removed.Keys.Order());
        Assert.All(tables, table => Assert.Equal(3, removed[table]));
        await using var after = await contexts.CreateDbContextAsync();
        Assert.Equal(["new0"], await after.IdempotencyRecords.Select(r => r.Key).ToListAsync());
        Assert.Equal(["new0"], await after.Outbox.Select(m => m.Reference).ToListAsync());
        Assert.Equal(["new0"], await after.Dcvv2Issuances.Select(i => i.Client).ToListAsync());
        Assert.Single(await after.Dcvv2UsedWindows.ToListAsync());
        Assert.Equal(["new0"], await after.TokenVerifications.Select(v => v.TokenReference).ToListAsync());
        Assert.Equal(["new0"], await after.TokenCallbacks.Select(c => c.TokenReference).ToListAsync());
    }

    private static IEnumerable<(TimeSpan Age, string Name)> Ages(string prefix, TimeSpan beyond, int count) =>
        Enumerable.Range(0, count).Select(i => (beyond + TimeSpan.FromMinutes(i), prefix + i));

    private static IdempotencyRecord Idempotency(string key, DateTime at) =>
        new() { Client = "c", Key = key, RequestHash = [1], SealedBody = [1], StatusCode = 201, CreatedAt = at };

    private static OutboxMessage Outbox(string reference, DateTime at) => new()
    { Id = Guid.NewGuid(), Channel = "email", Recipient = "r", Purpose = "p", Reference = reference, SealedCode = [1], CreatedAt = at };

    /// <summary>Issued windows (one-minute windows) whose last one ended at <paramref name="end"/>.</summary>
    private static Dcvv2Issuance Issuance(string client, DateTime end) => new()
    {
        Id = Guid.NewGuid(),
        CardFingerprint = [1],
        WindowMinutes = 1,
        FirstWindow = UnixMinutes(end) - 5,
        LastWindow = UnixMinutes(end) - 1,
        IssuedAt = end.AddMinutes(-5),
        Client = client,
    };

    private static Dcvv2UsedWindow UsedWindow(string name, DateTime end) =>
        new() { CardFingerprint = System.Text.Encoding.UTF8.GetBytes(name), WindowMinutes = 1, WindowIndex = UnixMinutes(end) - 1, UsedAt = end };

    private static TokenVerification Verification(string reference, DateTime expiresAt) => new()
    {
        Id = Guid.NewGuid(),
        TokenReference = reference,
        CardFingerprint = [1],
        RequestorId = "r",
        Status = TokenVerificationStatus.Expired,
        ExpiresAt = expiresAt,
        CreatedAt = expiresAt.AddMinutes(-10),
        UpdatedAt = expiresAt,
    };

    private static TokenCallback Callback(string reference, DateTime at) => new()
    { Id = Guid.NewGuid(), VerificationId = Guid.NewGuid(), TokenReference = reference, Url = "https://x.test/", OccurredAt = at, NextAttemptAt = at };

    private static long UnixMinutes(DateTime at) => (long)(at - DateTime.UnixEpoch).TotalMinutes;
}
