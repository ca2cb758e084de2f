namespace IssuerVerification.Crypto.Algorithms;

/// <summary>
/// The three block operations the card algorithms need from a double-length key A‖B, in place on an 8-byte array:
/// in process (<see cref="TdesKey"/>) or inside a token (the PKCS#11 provider).
/// </summary>
internal interface ITdesKey
{
    /// <summary>Single DES with the left half: DES_A.</summary>
    void EncryptA(byte[] block);

    /// <summary>Single DES decryption with the right half: DES⁻¹_B.</summary>
    void DecryptB(byte[] block);

    /// <summary>Two-key TDES encryption: E_A(D_B(E_A(x))).</summary>
    void Encrypt(byte[] block);
}
