namespace IssuerVerification.Domain.Crypto;

/// <summary>Inputs of the 20-byte Mastercard SPA AAV with HMAC-SHA1 (docs/algorithms.md §6).</summary>
public sealed record MastercardAavInput(
    string Pan, byte ControlByte, string MerchantName, byte AcsId, byte AuthMethod, byte BinKeyId, uint TransactionSequenceNumber);
