using Npgsql;

namespace IssuerVerification.FaultTests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster of its own on 127.0.0.1 (the fault cases stop, restart and freeze it),
/// started as .ci/run does: trust authentication, a free port, its socket in its temp directory, fsync off.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string _dir;

    private PostgresCluster(string dir, int port)
    {
        _dir = dir;
        Port = port;
    }

    public int Port { get; private set; }

    private string Data => Path.Combine(_dir, "data");

    public string AdminConnectionString =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false;Timeout=5;Command Timeout=10";

    public static async Task<PostgresCluster> StartAsync()
    {
        var initdb = PostgresBinaries.Require("initdb");
        var dir = System.IO.Directory.CreateTempSubdirectory("iv-fault-pg.").FullName;
        var cluster = new PostgresCluster(dir, 0);
        try
        {
            if (IsRoot)
            {
                await Command.RunCheckedAsync("chown", ["postgres", dir]);
            }
            await AsPostgresAsync(initdb, ["-D", cluster.Data, "-A", "trust", "-U", "postgres", "--no-sync"], TimeSpan.FromSeconds(90));
            await cluster.StartServerAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the server (again), on its port if it had one, else on a free one (retried if the port is taken meanwhile).</summary>
    public async Task StartServerAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = Port != 0 ? Port : FreePort.Next();
            var options = $"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={_dir} -c max_connections=300 -c fsync=off";
            var (code, output) = await RunAsPostgresAsync(PostgresBinaries.Require("pg_ctl"),
                ["-D", Data, "-l", Path.Combine(_dir, "log"), "-w", "-t", "60", "-o", options, "start"], TimeSpan.FromSeconds(90));
            if (code == 0)
            {
                Port = port;
                return;
            }
            if (Port != 0 || attempt == 3)
            {
                throw new InvalidOperationException($"pg_ctl start failed ({code}): {output}\n{ReadLog()}");
            }
        }
    }

    /// <summary>pg_ctl stop -m fast: sessions are ended, the server shuts down cleanly.</summary>
    public Task StopServerAsync() =>
        AsPostgresAsync(PostgresBinaries.Require("pg_ctl"), ["-D", Data, "-m", "fast", "-w", "-t", "60", "stop"], TimeSpan.FromSeconds(90));

    /// <summary>SIGSTOP to the postmaster, then to every process it forked: the server accepts TCP connections and answers nothing.</summary>
    public async Task FreezeAsync()
    {
        var postmaster = Postmaster();
        await Signal("STOP", [postmaster]);
        await Signal("STOP", ChildrenOf(postmaster));
    }

    /// <summary>SIGCONT to the children first, then the postmaster. Safe to call when not frozen.</summary>
    public async Task ThawAsync()
    {
        var postmaster = Postmaster();
        await Signal("CONT", ChildrenOf(postmaster));
        await Signal("CONT", [postmaster]);
    }

    public async Task<string> CreateDatabaseAsync()
    {
        var name = "iv_fault_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name}";
    }

    /// <summary>
    /// Password authentication (scram-sha-256) over TCP for every role but postgres, which stays trusted for the tests' own
    /// connections; the server rereads its rules at once.
    /// </summary>
    public async Task RequirePasswordsAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(Data, "pg_hba.conf"),
            "local all all trust\nhost all postgres 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n");
        await ExecuteAsync("SELECT pg_reload_conf()");
    }

    /// <summary>Runs one statement as postgres, on <paramref name="database"/>.</summary>
    public async Task ExecuteAsync(string sql, string database = "postgres")
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString.Replace("Database=postgres", $"Database={database}", StringComparison.Ordinal));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public string ReadLog()
    {
        var log = Path.Combine(_dir, "log");
        return File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(30)) : "";
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(Path.Combine(Data, "postmaster.pid")))
            {
                await ThawAsync();
                await RunAsPostgresAsync(PostgresBinaries.Require("pg_ctl"), ["-D", Data, "-m", "immediate", "-w", "stop"], TimeSpan.FromSeconds(60));
            }
        }
        finally
        {
            System.IO.Directory.Delete(_dir, recursive: true);
        }
    }

    private int Postmaster() => int.Parse(File.ReadLines(Path.Combine(Data, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);

    private static int[] ChildrenOf(int parent) =>
        System.IO.Directory.GetDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && ParentOf(pid) == parent)
            .ToArray();

    private static int ParentOf(int pid)
    {
        try
        {
            // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0; // the process ended meanwhile
        }
    }

    private static async Task Signal(string signal, int[] pids)
    {
        if (pids.Length > 0)
        {
            // A child may have ended since it was listed: kill's exit code is not checked.
            await Command.RunAsync("kill", [$"-{signal}", .. pids.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static async Task AsPostgresAsync(string file, string[] arguments, TimeSpan timeout)
    {
        var (code, output) = await RunAsPostgresAsync(file, arguments, timeout);
        if (code != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', arguments)} exited with {code}: {output}");
        }
    }

    private static Task<(int, string)> RunAsPostgresAsync(string file, string[] arguments, TimeSpan timeout) => IsRoot
        ? Command.RunAsync("runuser", ["-u", "postgres", "--", file, .. arguments], timeout)
        : Command.RunAsync(file, arguments, timeout);
}
