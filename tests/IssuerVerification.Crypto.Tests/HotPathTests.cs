using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Tests;

/// <summary>The verify paths allocate nothing once warm, and shared engines give right answers under concurrency.</summary>
public sealed class HotPathTests
{
    private const string Pan = "4123456789012345";

    [Fact]
    public void Verify_cvv_and_dcvv2_allocate_nothing_after_warm_up()
    {
        var provider = TestKeys.NewProvider();
        var cvk = TestKeys.Import(provider, KeyUsage.Cvk, Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210"));
        var dcvv2 = TestKeys.Import(provider, KeyUsage.Dcvv2, Convert.FromHexString("D7D5CA9A39491328439D2A3BDB6EC9D3"));

        Assert.Equal(0, AllocatedPerCall(() => provider.VerifyCvv(cvk, Pan, "8701", "101", "561")));
        Assert.Equal(0, AllocatedPerCall(() => provider.VerifyDcvv2(dcvv2, "4230177843207663", 2093363, "225")));
    }

    [Fact]
    public void Concurrent_verifications_agree_with_sequential_ones()
    {
        var provider = TestKeys.NewProvider();
        var cvk = TestKeys.Import(provider, KeyUsage.Cvk, Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210"));
        var imk = TestKeys.Import(provider, KeyUsage.ImkCvc3, Convert.FromHexString("01234567899876543210012345678998"));
        var pans = Enumerable.Range(0, 400).Select(i => $"41234567{i:D8}").ToArray();
        var expected = pans.Select(pan => (provider.Cvv(cvk, pan, "2512", "101"),
            provider.Cvc3(imk, pan, "00", IccDerivation.OptionA, 0x11BA, 0x899, 0x5E))).ToArray();

        Parallel.For(0, pans.Length * 10, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var n = i % pans.Length;
            Assert.True(provider.VerifyCvv(cvk, pans[n], "2512", "101", expected[n].Item1));
            Assert.True(provider.VerifyCvc3(imk, pans[n], "00", IccDerivation.OptionA, 0x11BA, 0x899, 0x5E, expected[n].Item2));
        });
    }

    private static long AllocatedPerCall(Func<bool> verify)
    {
        for (var i = 0; i < 1_000; i++)
        {
            Assert.True(verify());
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            verify();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / 1_000;
    }
}
