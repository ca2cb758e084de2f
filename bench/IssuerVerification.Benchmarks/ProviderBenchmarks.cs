using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using IssuerVerification.Crypto;
using IssuerVerification.Crypto.Pkcs11;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Benchmarks;

/// <summary>
/// CVV and CVC3 verification on the software provider and on the PKCS#11 provider (SoftHSM2), one thread: the mean is
/// the cost per verification on one core. The PKCS#11 runs need a token: SOFTHSM2_CONF set, and a token labelled
/// IV_BENCH_TOKEN (default iv-bench) with user PIN IV_BENCH_PIN (default 2468); bench/README.md has the commands.
/// </summary>
[MemoryDiagnoser]
#pragma warning disable CA1001 // the provider is disposed by [GlobalCleanup], which is how BenchmarkDotNet ends a benchmark class
public class ProviderBenchmarks
#pragma warning restore CA1001
{
    private ICryptoProvider _provider = null!;
    private KeyHandle _cvk = null!;
    private KeyHandle _imkCvc3 = null!;

    [Params("Software", "Pkcs11")]
    public string Provider { get; set; } = "Software";

    [GlobalSetup]
    public void Setup()
    {
        _provider = Provider == "Software"
            ? new SoftwareCryptoProvider(RandomNumberGenerator.GetBytes(32))
            : new Pkcs11CryptoProvider(new Pkcs11Settings("/usr/lib/softhsm/libsofthsm2.so",
                Environment.GetEnvironmentVariable("IV_BENCH_TOKEN") ?? "iv-bench", null, Environment.GetEnvironmentVariable("IV_BENCH_PIN") ?? "2468"));
        _cvk = _provider.ImportKey(Guid.NewGuid(), "bench-cvk", KeyUsage.Cvk, KeyAlgorithm.Tdes2Key, [Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210")]);
        _imkCvc3 = _provider.ImportKey(Guid.NewGuid(), "bench-imk", KeyUsage.ImkCvc3, KeyAlgorithm.Tdes2Key, [Convert.FromHexString("01234567899876543210012345678998")]);
        if (!VerifyCvv() || !VerifyCvc3())
        {
            throw new InvalidOperationException("Benchmark inputs do not verify.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => (_provider as IDisposable)?.Dispose();

    [Benchmark]
    public bool VerifyCvv() => _provider.VerifyCvv(_cvk, "4123456789012345", "8701", "101", "561");

    [Benchmark]
    public bool VerifyCvc3() =>
        _provider.VerifyCvc3(_imkCvc3, "5123456789012345", "00", IccDerivation.OptionA, 0x11BA, 0x00000899, 0x005E, "488");
}
