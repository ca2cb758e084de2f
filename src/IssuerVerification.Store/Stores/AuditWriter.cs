using System.Globalization;
using System.Text;
using IssuerVerification.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace IssuerVerification.Store.Stores;

/// <summary>The audit log, written by group commit (one multi-row INSERT a batch): each request returns once its entry is committed.</summary>
internal sealed class AuditWriter(IDbContextFactory<IssuerDbContext> contexts) : IAuditLog, IAsyncDisposable
{
    private readonly GroupCommit<AuditEntry, bool> _entries = new(async entries =>
    {
        await using var db = await contexts.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        var sql = new StringBuilder("""INSERT INTO "AuditLog" ("At", "Client", "Action", "CardFingerprint", "Outcome", "Reason") VALUES """);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}(@t{i}, @c{i}, @a{i}, @f{i}, @o{i}, @r{i})");
            command.AddParameter($"@t{i}", entry.At);
            command.AddParameter($"@c{i}", entry.Client);
            command.AddParameter($"@a{i}", entry.Action);
            command.AddParameter($"@f{i}", entry.CardFingerprint);
            command.AddParameter($"@o{i}", entry.Outcome);
            command.AddParameter($"@r{i}", entry.Reason);
        }
        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync();
        return new bool[entries.Count];
    });

    public Task WriteAsync(AuditEntry entry, CancellationToken ct) => _entries.SubmitAsync(entry);

    public ValueTask DisposeAsync() => _entries.DisposeAsync();
}
