namespace IssuerVerification.Domain.Common;

/// <summary>The store's schema: brought up to date at start-up, checked by the readiness probe.</summary>
public interface IStoreSchema
{
    /// <summary>Applies every migration not yet applied.</summary>
    Task MigrateAsync(CancellationToken ct);

    /// <summary>True while a migration is still to be applied.</summary>
    Task<bool> HasPendingMigrationsAsync(CancellationToken ct);
}
