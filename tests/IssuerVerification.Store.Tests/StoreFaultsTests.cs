using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace IssuerVerification.Store.Tests;

public sealed class StoreFaultsTests
{
    private readonly StoreFaults _faults = new();

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
}
