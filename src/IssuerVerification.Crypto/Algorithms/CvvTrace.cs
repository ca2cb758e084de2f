namespace IssuerVerification.Crypto.Algorithms;

/// <summary>Intermediate blocks of one CVV computation (§1), recorded only when a test asks for them.</summary>
internal sealed class CvvTrace
{
    /// <summary>R1 = DES_A(B1).</summary>
    public byte[] R1 { get; } = new byte[8];

    /// <summary>R2 = R1 XOR B2.</summary>
    public byte[] R2 { get; } = new byte[8];

    /// <summary>R3 = TDES_{A‖B}(R2).</summary>
    public byte[] R3 { get; } = new byte[8];
}
