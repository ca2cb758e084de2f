namespace IssuerVerification.Domain.Clients;

public interface IClientStore
{
    Task<ApiClient?> FindByKeyHashAsync(byte[] keyHash, CancellationToken ct);
    Task<ApiClient?> FindByNameAsync(string name, CancellationToken ct);
    Task AddAsync(ApiClient client, CancellationToken ct);
    Task UpdateAsync(ApiClient client, CancellationToken ct);
}
