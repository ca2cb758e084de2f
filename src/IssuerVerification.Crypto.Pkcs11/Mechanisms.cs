using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;
using Net.Pkcs11Interop.HighLevelAPI.Factories;

namespace IssuerVerification.Crypto.Pkcs11;

/// <summary>The mechanisms the provider uses; those without parameters are created once and only read afterwards.</summary>
internal static class Mechanisms
{
    private static readonly Pkcs11InteropFactories Factories = new();
    private static readonly IMechanismFactory Factory = Factories.MechanismFactory;

    public static readonly IMechanism Des3Ecb = Factory.Create(CKM.CKM_DES3_ECB);
    public static readonly IMechanism AesEcb = Factory.Create(CKM.CKM_AES_ECB);
    public static readonly IMechanism HmacSha1 = Factory.Create(CKM.CKM_SHA_1_HMAC);
    public static readonly IMechanism HmacSha256 = Factory.Create(CKM.CKM_SHA256_HMAC);
    public static readonly IMechanism Ecdsa = Factory.Create(CKM.CKM_ECDSA);
    public static readonly IMechanism EcKeyPairGen = Factory.Create(CKM.CKM_EC_KEY_PAIR_GEN);
    public static readonly IMechanism Des2KeyGen = Factory.Create(CKM.CKM_DES2_KEY_GEN);
    public static readonly IMechanism Des3KeyGen = Factory.Create(CKM.CKM_DES3_KEY_GEN);
    public static readonly IMechanism Des3Cmac = Factory.Create(CKM.CKM_DES3_CMAC);
    public static readonly IMechanism AesCmac = Factory.Create(CKM.CKM_AES_CMAC);
    public static readonly IMechanism AesKeyWrap = Factory.Create(CKM.CKM_AES_KEY_WRAP);
    public static readonly IMechanism AesKeyGen = Factory.Create(CKM.CKM_AES_KEY_GEN);
    public static readonly IMechanism GenericKeyGen = Factory.Create(CKM.CKM_GENERIC_SECRET_KEY_GEN);

    /// <summary>Derivation by TDES-ECB encryption of <paramref name="data"/> under the base key: the derived key's value is the ciphertext.</summary>
    public static IMechanism Des3EncryptData(byte[] data) =>
        Factory.Create(CKM.CKM_DES3_ECB_ENCRYPT_DATA, Factories.MechanismParamsFactory.CreateCkKeyDerivationStringData(data));

    public static IMechanism AesGcm(byte[] nonce, byte[] associatedData, int tagBytes) =>
        Factory.Create(CKM.CKM_AES_GCM, Factories.MechanismParamsFactory.CreateCkGcmParams(nonce, (ulong)nonce.Length * 8, associatedData, (ulong)tagBytes * 8));
}
