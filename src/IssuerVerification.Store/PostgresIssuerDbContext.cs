using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IssuerVerification.Store;

/// <summary>The PostgreSQL context: its migrations are in Migrations/Postgres.</summary>
public sealed class PostgresIssuerDbContext(DbContextOptions<PostgresIssuerDbContext> options) : IssuerDbContext(options);

/// <summary>Lets dotnet-ef build the PostgreSQL context without starting the app; no database is opened to add a migration.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresIssuerDbContext>
{
    public PostgresIssuerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresIssuerDbContext>().UseNpgsql("Host=localhost;Database=issuer_verification").Options);
}
