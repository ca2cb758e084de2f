using System.Data.Common;
using System.Net.Sockets;
using IssuerVerification.Domain.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace IssuerVerification.Store;

/// <summary>Driver, network and retry failures anywhere in the exception chain mean the store is unavailable.</summary>
internal sealed class StoreFaults(StoreLocation location) : IStoreFaults
{
    public bool IsUnavailable(Exception exception) => Chain(exception).Any(e =>
        e is NpgsqlException or SqliteException or DbException or TimeoutException or RetryLimitExceededException or SocketException);

    public (StoreFault Fault, string Detail) Diagnose(Exception exception)
    {
        foreach (var e in Chain(exception))
        {
            var fault = e switch
            {
                // PostgreSQL error codes: class 28 (invalid authorisation), 3D000 (no such database), 42501 (insufficient privilege).
                PostgresException { SqlState: "28P01" or "28000" } => StoreFault.LoginRefused,
                PostgresException { SqlState: "3D000" } => StoreFault.DatabaseMissing,
                PostgresException { SqlState: "42501" } => StoreFault.PermissionDenied,
                // SQLite result codes: SQLITE_PERM (3), SQLITE_READONLY (8), SQLITE_CANTOPEN (14).
                SqliteException { SqliteErrorCode: 3 or 8 } => StoreFault.PermissionDenied,
                SqliteException { SqliteErrorCode: 14 } => StoreFault.Unreachable,
                SocketException or TimeoutException => StoreFault.Unreachable,
                _ => StoreFault.Other,
            };
            if (fault != StoreFault.Other)
            {
                return (fault, $"{e.GetType().Name}: {(e is PostgresException p ? $"{p.SqlState} {p.MessageText}" : e.Message)}");
            }
        }
        return (StoreFault.Other, exception.GetType().Name);
    }

    public string Describe() => location.Description;

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }
}

/// <summary>The store's location as an operator reads it, without the password.</summary>
internal sealed record StoreLocation(string Description)
{
    public static StoreLocation Of(StorageProvider provider, string connectionString)
    {
        if (provider == StorageProvider.Postgres)
        {
            var pg = new NpgsqlConnectionStringBuilder(connectionString);
            return new($"PostgreSQL database '{pg.Database}' at {pg.Host}:{pg.Port} as user '{pg.Username}'");
        }
        return new($"SQLite file {new SqliteConnectionStringBuilder(connectionString).DataSource}");
    }
}
