using IssuerVerification.Domain.Dcvv2;

namespace IssuerVerification.Domain.Tests;

public sealed class Dcvv2WindowTests
{
    [Theory]
    [InlineData(1884026788, 15, 2093363, 1884026700, 1884027600)] // vector dcvv2-00
    [InlineData(1759769078, 360, 81470, 1759752000, 1759773600)]  // vector dcvv2-06
    [InlineData(1709308800, 60, 474808, 1709308800, 1709312400)]  // a window's first second belongs to it
    [InlineData(1709312399, 60, 474808, 1709308800, 1709312400)]  // its last second too
    public void Window_containing_a_time(long unix, int minutes, long index, long from, long until)
    {
        var window = Dcvv2Window.Containing(DateTimeOffset.FromUnixTimeSeconds(unix), minutes);
        Assert.Equal(index, window.Index);
        Assert.Equal(from, window.ValidFrom.ToUnixTimeSeconds());
        Assert.Equal(until, window.ValidUntil.ToUnixTimeSeconds());
        Assert.Equal(window.ValidUntil, window.Next().ValidFrom);
    }

    [Fact]
    public void Issuance_covers_its_windows_of_its_length_only()
    {
        var issuance = new Dcvv2Issuance { CardFingerprint = [1], FirstWindow = 10, LastWindow = 12, WindowMinutes = 60, Client = "c" };
        Assert.True(issuance.Covers(10, 60));
        Assert.True(issuance.Covers(12, 60));
        Assert.False(issuance.Covers(13, 60));
        Assert.False(issuance.Covers(9, 60));
        Assert.False(issuance.Covers(11, 15));
    }
}
