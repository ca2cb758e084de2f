using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IssuerVerification.Store;

/// <summary>The SQLite context: its migrations are in Migrations/Sqlite.</summary>
public sealed class SqliteIssuerDbContext(DbContextOptions<SqliteIssuerDbContext> options) : IssuerDbContext(options);

/// <summary>Lets dotnet-ef build the SQLite context without starting the app; no database is opened to add a migration.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteIssuerDbContext>
{
    public SqliteIssuerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteIssuerDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
