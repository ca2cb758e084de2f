namespace IssuerVerification.FaultTests.Infrastructure;

/// <summary>
/// Whether the PostgreSQL cases run. They need their own cluster (they stop and freeze it), so they need the server
/// binaries: IV_FAULT_PG_BIN (set by .ci/run), else pg_ctl on PATH, else the newest /usr/lib/postgresql/*/bin.
/// The cases are listed when the binaries are found, or when IV_TEST_POSTGRES or CI=true say PostgreSQL is expected;
/// then a case that cannot start its cluster fails. It is never skipped.
/// </summary>
public static class PostgresBinaries
{
    public static string? Directory { get; } = Find();

    public static bool Expected =>
        Directory is not null
        || Environment.GetEnvironmentVariable("IV_TEST_POSTGRES") is { Length: > 0 }
        || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Require(string tool) => Directory is { } dir
        ? Path.Combine(dir, tool)
        : throw new InvalidOperationException(
            "PostgreSQL is expected (IV_TEST_POSTGRES or CI=true is set) but no PostgreSQL server binaries were found: " +
            "set IV_FAULT_PG_BIN, put pg_ctl on PATH or install PostgreSQL under /usr/lib/postgresql.");

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("IV_FAULT_PG_BIN") is { Length: > 0 } configured)
        {
            return configured;
        }
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(dir => HasServer(dir));
        if (onPath is not null)
        {
            // pg_ctl on PATH may be a link (Debian's /usr/local/bin/pg_ctl); initdb and postgres sit beside its target.
            var target = new FileInfo(Path.Combine(onPath, "pg_ctl")).ResolveLinkTarget(returnFinalTarget: true)?.FullName;
            var dir = target is null ? onPath : Path.GetDirectoryName(target)!;
            return HasServer(dir) ? dir : onPath;
        }
        const string debian = "/usr/lib/postgresql";
        return System.IO.Directory.Exists(debian)
            ? System.IO.Directory.GetDirectories(debian)
                .Select(d => Path.Combine(d, "bin"))
                .Where(HasServer)
                .OrderBy(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .LastOrDefault()
            : null;
    }

    private static bool HasServer(string dir) => File.Exists(Path.Combine(dir, "pg_ctl")) && File.Exists(Path.Combine(dir, "initdb"));
}
