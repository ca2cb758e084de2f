using System.Net.Sockets;
using IssuerVerification.Domain.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace IssuerVerification.Store.Tests;

public sealed class StoreFaultsTests
{
    private readonly StoreFaults _faults = new(new StoreLocation("test store"));

    public static TheoryData<Exception> Outages => new()
    {
        new NpgsqlException("connection refused"),
        new SqliteException("database is locked", 5),
        new TimeoutException(),
        new RetryLimitExceededException("retries exhausted"),
        new SocketException(111),
        new InvalidOperationException("wrapped", new NpgsqlException("broken pipe", new SocketException(32))),
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public void Driver_network_and_retry_failures_mean_the_store_is_unavailable(Exception exception) =>
        Assert.True(_faults.IsUnavailable(exception));

    [Fact]
    public void Other_failures_are_bugs_not_outages() =>
        Assert.False(_faults.IsUnavailable(new InvalidOperationException("bug", new ArgumentException("bad"))));

    public static TheoryData<Exception, StoreFault> Diagnoses => new()
    {
        { new PostgresException("password authentication failed for user \"issuer\"", "FATAL", "FATAL", "28P01"), StoreFault.LoginRefused },
        { new PostgresException("role \"nobody\" does not exist", "FATAL", "FATAL", "28000"), StoreFault.LoginRefused },
        { new PostgresException("database \"issuer\" does not exist", "FATAL", "FATAL", "3D000"), StoreFault.DatabaseMissing },
        { new InvalidOperationException("migration", new PostgresException("permission denied for schema public", "ERROR", "ERROR", "42501")), StoreFault.PermissionDenied },
        { new NpgsqlException("Failed to connect to 127.0.0.1:1", new SocketException(111)), StoreFault.Unreachable },
        { new NpgsqlException("Exception while reading from stream", new TimeoutException()), StoreFault.Unreachable },
        { new SqliteException("attempt to write a readonly database", 8), StoreFault.PermissionDenied },
        { new SqliteException("unable to open database file", 14), StoreFault.Unreachable },
        { new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", "23505"), StoreFault.Other },
        { new InvalidOperationException("bug"), StoreFault.Other },
    };

    [Theory, MemberData(nameof(Diagnoses))]
    public void A_start_up_fault_is_diagnosed_with_the_driver_s_words(Exception exception, StoreFault expected)
    {
        var (fault, detail) = _faults.Diagnose(exception);
        Assert.Equal(expected, fault);
        Assert.NotEmpty(detail);
    }

    [Fact]
    public void The_store_is_described_without_its_password()
    {
        var description = StoreLocation.Of(StorageProvider.Postgres, "Host=db;Port=5433;Database=issuer;Username=iv;Password=secret-pw").Description;
        Assert.Equal("PostgreSQL database 'issuer' at db:5433 as user 'iv'", description);
        Assert.Equal("SQLite file /data/iv.db", StoreLocation.Of(StorageProvider.Sqlite, "Data Source=/data/iv.db").Description);
    }
}
