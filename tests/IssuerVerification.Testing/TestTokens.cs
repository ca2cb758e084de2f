using System.Diagnostics;
using System.Runtime.InteropServices;
using Xunit;

namespace IssuerVerification.Testing;

/// <summary>
/// Throwaway SoftHSM2 tokens for the PKCS#11 provider tests, made once per test process in a temporary folder (a SOFTHSM2_CONF
/// whose token directory is that folder) before the module is first loaded: <see cref="Shared"/> for most tests, and
/// <see cref="Outage"/> for the test that takes its token away. Needs Debian's softhsm2 (.ci/run installs it); without it
/// the PKCS#11 tests fail, they are never skipped.
/// </summary>
public static class TestTokens
{
    public const string ModulePath = "/usr/lib/softhsm/libsofthsm2.so";
    public const string Pin = "2468";
    private static readonly Lazy<string> Folder = new(CreateTokens);

    /// <summary>Tests that run against both providers take one of these names.</summary>
    public const string Software = "software";
    public const string Pkcs11 = "pkcs11";

    public static TheoryData<string> Providers => [Software, Pkcs11];

    /// <summary>Every case once per provider.</summary>
    public static TheoryData<string, T> ForEachProvider<T>(IEnumerable<T> cases)
    {
        var data = new TheoryData<string, T>();
        foreach (var provider in new[] { Software, Pkcs11 })
        {
            foreach (var item in cases)
            {
                data.Add(provider, item);
            }
        }
        return data;
    }

    /// <summary>Labels carry the process id: test projects running side by side may share CI's token folder.</summary>
    public static TestToken Shared => new(ModulePath, SharedLabel, Pin, Folder.Value);

    public static TestToken Outage => new(ModulePath, OutageLabel, Pin, Folder.Value);

    private static string SharedLabel => $"iv-tests-{Environment.ProcessId:D7}";

    private static string OutageLabel => $"iv-outage-{Environment.ProcessId:D7}";

    /// <summary>The API tests run with Crypto:Provider=Pkcs11 on <see cref="Shared"/> when IV_TEST_CRYPTO_PROVIDER says Pkcs11.</summary>
    public static bool ApiUsesPkcs11 => string.Equals(Environment.GetEnvironmentVariable("IV_TEST_CRYPTO_PROVIDER"), "Pkcs11", StringComparison.OrdinalIgnoreCase);

    /// <summary>Creates the tokens in SOFTHSM2_CONF's token folder (CI's), or in a config and folder of its own; returns the folder.</summary>
    private static string CreateTokens()
    {
        if (!File.Exists(ModulePath))
        {
            throw new InvalidOperationException($"SoftHSM2 is not installed ({ModulePath} is missing): apt-get install softhsm2.");
        }
        var conf = Environment.GetEnvironmentVariable("SOFTHSM2_CONF");
        string tokens;
        if (conf is { Length: > 0 } && File.Exists(conf))
        {
            tokens = File.ReadAllLines(conf).Select(l => l.Split('=', 2)).Single(kv => kv[0].Trim() == "directories.tokendir")[1].Trim();
        }
        else
        {
            var folder = Directory.CreateTempSubdirectory("iv-softhsm-").FullName;
            tokens = Directory.CreateDirectory(Path.Combine(folder, "tokens")).FullName;
            conf = Path.Combine(folder, "softhsm2.conf");
            File.WriteAllText(conf, $"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n");
        }
        foreach (var label in new[] { SharedLabel, OutageLabel })
        {
            var init = new ProcessStartInfo("softhsm2-util", ["--init-token", "--free", "--label", label, "--pin", Pin, "--so-pin", "13579"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            init.Environment["SOFTHSM2_CONF"] = conf;
            using var process = Process.Start(init)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"softhsm2-util could not create token {label}: {output}");
            }
        }
        // The module reads SOFTHSM2_CONF from the process environment (getenv); .NET's own copy does not reach it.
        if (SetEnv("SOFTHSM2_CONF", conf, 1) != 0)
        {
            throw new InvalidOperationException("setenv(SOFTHSM2_CONF) failed.");
        }
        Environment.SetEnvironmentVariable("SOFTHSM2_CONF", conf);
        return tokens;
    }

#pragma warning disable SYSLIB1054, CA2101 // LibraryImport needs unsafe code; the strings are marshalled as UTF-8 explicitly.
    [DllImport("libc", EntryPoint = "setenv", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int SetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);
#pragma warning restore SYSLIB1054, CA2101
}

/// <summary>A token of <see cref="TestTokens"/>: where its module is, its label and user PIN, and the folder holding every test token.</summary>
public sealed record TestToken(string ModulePath, string Label, string Pin, string TokenFolder);
