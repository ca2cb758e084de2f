using IssuerVerification.Crypto.Algorithms;
using IssuerVerification.Domain.Crypto;
namespace IssuerVerification.Crypto.Tests;
public sealed class ScratchAlloc(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void Measure()
    {
        var provider = TestKeys.NewProvider();
        var cvk = TestKeys.Import(provider, KeyUsage.Cvk, Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210"));
        var tdes = new TdesKey(Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210"));
        var block = new byte[8];
        output.WriteLine("tdes " + M(() => { tdes.Encrypt(block); return true; }));
        output.WriteLine("pack " + M(() => { DigitPacking.Pack("1234567890123456", block); return true; }));
        output.WriteLine("dec " + M(() => { Span<char> d = stackalloc char[3]; Decimalization.Decimalize(block, d); return true; }));
        output.WriteLine("req " + M(() => { DigitInput.RequirePan("4123456789012345"); return true; }));
        output.WriteLine("cvvm " + M(() => { Span<char> d = stackalloc char[3]; CvvMethod.Compute(tdes, "4123456789012345", "8701", "101", d); return true; }));
        output.WriteLine("ct " + M(() => ConstantTime.DigitsEqual("561", "561")));
        output.WriteLine("cv " + M(() => provider.CheckValue(cvk).Length > 0));
        var imk = TestKeys.Import(provider, KeyUsage.ImkCvc3, Convert.FromHexString("01234567899876543210012345678998"));
        var imkd = TestKeys.Import(provider, KeyUsage.ImkDcvv, Convert.FromHexString("01234567899876543210012345678998"));
        output.WriteLine("cvc3 " + M(() => provider.VerifyCvc3(imk, "5123456789012345", "00", IccDerivation.OptionA, 0x11BA, 0x899, 0x5E, "488")));
        output.WriteLine("cvc3B " + M(() => provider.VerifyCvc3(imk, "5123456789012345678", "00", IccDerivation.OptionB, 0x11BA, 0x899, 0x5E, "488")));
        output.WriteLine("dcvv " + M(() => provider.VerifyDcvv(imkd, "5123456789012345", IccDerivation.OptionA, "2512", "101", 5, "488")));
        var ck = new TdesKey();
        output.WriteLine("setkey " + M(() => { ck.SetKey(new byte[16]); return true; }));
        output.WriteLine("verify " + M(() => provider.VerifyCvv(cvk, "4123456789012345", "8701", "101", "561")));
    }
    private static long M(Func<bool> f)
    {
        for (var i = 0; i < 1000; i++) f();
        var b = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++) f();
        return (GC.GetAllocatedBytesForCurrentThread() - b) / 1000;
    }
}
