using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace IssuerVerification.FaultTests.Infrastructure;

/// <summary>
/// The built API as a real process (Production environment) on 127.0.0.1 and a free port, on a test database.
/// Disposing kills it; a process the test run leaves behind is killed when the test host exits.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    public const string AdminKey = "fault-admin-key-0123456789abcdef";
    public const string MasterKey = "8F1E2D3C4B5A69788796A5B4C3D2E1F00F1E2D3C4B5A69788796A5B4C3D2E1F0";
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private static readonly ConcurrentDictionary<ApiProcess, byte> Running = new();
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly HttpClient _http;

    static ApiProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var api in Running.Keys)
        {
            api.Kill();
        }
    };

    private ApiProcess(Process process, Uri address)
    {
        _process = process;
        BaseAddress = address;
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
        {
            BaseAddress = address,
            Timeout = Timeout.InfiniteTimeSpan, // every call is bounded by the caller's token or Client's timeout
        };
    }

    public Uri BaseAddress { get; }
    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process wrote, for failure messages.</summary>
    public string Output => string.Join('\n', _output);

    public static async Task<ApiProcess> StartAsync(TestDatabase database, IDictionary<string, string>? settings = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var api = Launch(database, FreePort.Next(), settings);
            try
            {
                await api.WaitReadyAsync();
                return api;
            }
            catch (Exception) when (attempt < 3 && api.HasExited && api.Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await api.DisposeAsync(); // lost the port to another process: try another
            }
            catch
            {
                await api.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>
    /// Starts the API expecting it to refuse to start: returns its exit code and output once it exited. Fails if it became
    /// ready, or ran past the start timeout.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(TestDatabase database, IDictionary<string, string>? settings = null)
    {
        await using var api = Launch(database, FreePort.Next(), settings);
        using var timeout = new CancellationTokenSource(StartTimeout);
        while (!api.HasExited)
        {
            Assert.False(timeout.IsCancellationRequested, $"The API did not exit within {StartTimeout.TotalSeconds} s:\n{api.Output}");
            try
            {
                using var response = await api._http.GetAsync("/health/ready", timeout.Token);
                Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                // not listening (it exits before it listens)
            }
            await Task.Delay(100, CancellationToken.None);
        }
        api._process.WaitForExit(); // the output is read to its end
        return (api._process.ExitCode, api.Output);
    }

    /// <summary>A client with this API key (the bootstrap admin key by default) and a per-request timeout.</summary>
    public HttpClient Client(string? apiKey = AdminKey, TimeSpan? timeout = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
        {
            BaseAddress = BaseAddress,
            Timeout = timeout ?? TimeSpan.FromSeconds(60),
        };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }
        return client;
    }

    /// <summary>kill -9 (the whole process tree): nothing is flushed, nothing is closed.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // never started or already gone
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        Running.TryRemove(this, out _);
        _http.Dispose();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static ApiProcess Launch(TestDatabase database, int port, IDictionary<string, string>? settings)
    {
        var dll = Repository.ApiDll;
        var address = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(address.ToString().TrimEnd('/'));
        foreach (var inherited in info.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_WATCH", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(inherited);
        }
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Storage__Provider"] = database.Provider,
            ["ConnectionStrings__IssuerVerification"] = database.ConnectionString,
            ["Crypto__MasterKey"] = MasterKey,
            ["Bootstrap__AdminApiKey"] = AdminKey,
            ["Demo__Seed"] = "false",
            // Automated loading of test keys: the one-request import a test environment may allow.
            ["Keys__AllowSingleRequestImport"] = "true",
            ["RateLimiting__PermitsPerSecond"] = "100000",
            ["RateLimiting__Burst"] = "100000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        var process = new Process { StartInfo = info };
        var api = new ApiProcess(process, address);
        process.OutputDataReceived += (_, e) => api.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => api.Keep(e.Data);
        process.Start();
        Running[api] = 0;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return api;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        _output.Enqueue(line);
        while (_output.Count > 80)
        {
            _output.TryDequeue(out _);
        }
    }

    private async Task WaitReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The API exited with {_process.ExitCode} while starting:\n{Output}");
            }
            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                using var response = await _http.GetAsync("/health/ready", cts.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The API was not ready within {StartTimeout.TotalSeconds} s:\n{Output}");
    }
}
