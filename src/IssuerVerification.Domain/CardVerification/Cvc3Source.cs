namespace IssuerVerification.Domain.CardVerification;

/// <summary>Where the IVCVC3 comes from: given, or computed from the card's static track image as personalised.</summary>
public sealed record Cvc3Source(ushort? Ivcvc3, byte[] StaticTrack)
{
    public static Cvc3Source FromIvcvc3(ushort ivcvc3) => new(ivcvc3, []);

    public static Cvc3Source FromTrack(byte[] staticTrack) => new(null, staticTrack);
}
