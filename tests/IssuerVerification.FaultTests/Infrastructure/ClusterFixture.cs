namespace IssuerVerification.FaultTests.Infrastructure;

/// <summary>
/// One test class's PostgreSQL cluster, started on first use (a SQLite-only run never starts one) and removed after the class.
/// Each class has its own, so a class that stops or freezes its server disturbs no other.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private readonly List<TestDatabase> _databases = [];
    private readonly Dictionary<string, Task<ApiProcess[]>> _shared = [];
    private Task<PostgresCluster>? _cluster;

    public Task<PostgresCluster> ClusterAsync()
    {
        lock (_shared)
        {
            return _cluster is { IsFaulted: false } started ? started : _cluster = PostgresCluster.StartAsync();
        }
    }

    /// <summary>A fresh database on this store; removed with the fixture.</summary>
    public async Task<TestDatabase> CreateDatabaseAsync(string store)
    {
        var database = store == Stores.Sqlite ? TestDatabase.CreateSqlite() : await TestDatabase.CreatePostgresAsync(await ClusterAsync());
        lock (_databases)
        {
            _databases.Add(database);
        }
        return database;
    }

    /// <summary>
    /// <paramref name="count"/> API processes on one fresh database of this store, shared by the class's cases on that store
    /// (each case uses its own cards); started and set up (through the first) once, killed with the fixture.
    /// </summary>
    public Task<ApiProcess[]> SharedApisAsync(string store, int count, Func<ApiProcess, Task> setUp)
    {
        lock (_shared)
        {
            if (!_shared.TryGetValue(store, out var apis) || apis.IsFaulted)
            {
                _shared[store] = apis = StartApisAsync(store, count, setUp);
            }
            return apis;
        }
    }

    private async Task<ApiProcess[]> StartApisAsync(string store, int count, Func<ApiProcess, Task> setUp)
    {
        var database = await CreateDatabaseAsync(store);
        var apis = new List<ApiProcess>();
        try
        {
            // One after the other: the first applies the migrations.
            for (var i = 0; i < count; i++)
            {
                apis.Add(await ApiProcess.StartAsync(database));
            }
            await setUp(apis[0]);
            return [.. apis];
        }
        catch
        {
            foreach (var api in apis)
            {
                await api.DisposeAsync();
            }
            throw;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var apis in _shared.Values.Where(t => t.IsCompletedSuccessfully))
        {
            foreach (var api in apis.Result)
            {
                await api.DisposeAsync();
            }
        }
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }
        if (_cluster is { IsCompletedSuccessfully: true })
        {
            await _cluster.Result.DisposeAsync();
        }
    }
}
