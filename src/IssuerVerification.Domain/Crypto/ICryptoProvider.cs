namespace IssuerVerification.Domain.Crypto;

/// <summary>A provider serving every crypto port: the software provider, or the PKCS#11 provider (docs/crypto-provider.md).</summary>
public interface ICryptoProvider : IKeyManagement, IKeyExchange, IKeyTransfer, ICardCodes, IContactlessCodes, IThreeDSecureValues, ISealing, ISigning;
