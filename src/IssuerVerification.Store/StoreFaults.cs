using System.Data.Common;
using System.Net.Sockets;
using IssuerVerification.Domain.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace IssuerVerification.Store;

/// <summary>Driver, network and retry failures anywhere in the exception chain mean the store is unavailable.</summary>
internal sealed class StoreFaults : IStoreFaults
{
    public bool IsUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is NpgsqlException or SqliteException or DbException or TimeoutException or RetryLimitExceededException or SocketException)
            {
                return true;
            }
        }
        return false;
    }
}
