using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using IssuerVerification.Crypto;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Benchmarks;

/// <summary>
/// The provider's hot paths with keys already unwrapped and cached (the steady state of the service).
/// Inputs are test vectors (tests/IssuerVerification.Crypto.Tests/Vectors): cvv-visa-4123456789012345-101,
/// cvc3-pyemv-track2, dcvv-jpos-1234567890123456-A, dcvv2-00 and aav-spa-hmac-20byte-key.
/// </summary>
[MemoryDiagnoser]
#pragma warning disable CA1001 // the provider is disposed by [GlobalCleanup], which is how BenchmarkDotNet ends a benchmark class
public class CardVerificationBenchmarks
#pragma warning restore CA1001
{
    private readonly SoftwareCryptoProvider _provider = new(RandomNumberGenerator.GetBytes(32));
    private readonly string[] _dcvv2Values = new string[24];
    private KeyHandle _cvk = null!;
    private KeyHandle _imkCvc3 = null!;
    private KeyHandle _imkDcvv = null!;
    private KeyHandle _dcvv2 = null!;
    private KeyHandle _aav = null!;
    private MastercardAavInput _aavInput = null!;

    [GlobalSetup]
    public void Setup()
    {
        _cvk = Import(KeyUsage.Cvk, KeyAlgorithm.Tdes2Key, "0123456789ABCDEFFEDCBA9876543210");
        _imkCvc3 = Import(KeyUsage.ImkCvc3, KeyAlgorithm.Tdes2Key, "01234567899876543210012345678998");
        _imkDcvv = Import(KeyUsage.ImkDcvv, KeyAlgorithm.Tdes2Key, "12345678123456781234567812345678");
        _dcvv2 = Import(KeyUsage.Dcvv2, KeyAlgorithm.Tdes2Key, "D7D5CA9A39491328439D2A3BDB6EC9D3");
        _aav = Import(KeyUsage.Aav, KeyAlgorithm.HmacSha1, "0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B");
        _aavInput = new MastercardAavInput("5432109876543210", 0x8C, "SPA Merchant, Inc.", 1, 1, 1, 0x2F);
        if (!VerifyCvv() || !VerifyCvc3() || !VerifyDcvv())
        {
            throw new InvalidOperationException("Benchmark inputs do not verify.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    [Benchmark]
    public bool VerifyCvv() => _provider.VerifyCvv(_cvk, "4123456789012345", "8701", "101", "561");

    [Benchmark]
    public bool VerifyCvc3() =>
        _provider.VerifyCvc3(_imkCvc3, "5123456789012345", "00", IccDerivation.OptionA, 0x11BA, 0x00000899, 0x005E, "488");

    [Benchmark]
    public bool VerifyDcvv() =>
        _provider.VerifyDcvv(_imkDcvv, "1234567890123456", IccDerivation.OptionA, "1310", "226", 0x3210, "422");

    [Benchmark]
    public bool VerifyDcvv2() => _provider.VerifyDcvv2(_dcvv2, "4230177843207663", 2093363, "225");

    [Benchmark]
    public string[] GenerateDcvv2Times24()
    {
        for (var i = 0; i < _dcvv2Values.Length; i++)
        {
            _dcvv2Values[i] = _provider.Dcvv2(_dcvv2, "4230177843207663", 2093363 + i);
        }

        return _dcvv2Values;
    }

    [Benchmark]
    public byte[] GenerateAav() => _provider.MastercardAav(_aav, _aavInput);

    private KeyHandle Import(KeyUsage usage, KeyAlgorithm algorithm, string hex) =>
        _provider.ImportKey(Guid.NewGuid(), "test-key", usage, algorithm, [Convert.FromHexString(hex)]);
}
