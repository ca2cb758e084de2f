namespace IssuerVerification.Domain.Crypto;

/// <summary>Inputs of the 20-byte Visa CAVV field (docs/algorithms.md §5).</summary>
/// <param name="Pan">Card number digits (normalised to 16 digits by the provider).</param>
/// <param name="Atn">Authentication tracking number, 16 digits.</param>
/// <param name="AuthResultCode">Authentication results code, one digit (Y→0, A→7, U→5, N/R→9).</param>
/// <param name="SecondFactorCode">Second factor authentication code, 2 digits.</param>
/// <param name="KeyIndicator">CAVV key indicator, 2 digits.</param>
/// <param name="VersionAction">Byte 16: version (high nibble) and authentication action (low nibble).</param>
/// <param name="IpAddress">Bytes 17–20, 4 bytes (zeros when absent).</param>
public sealed record VisaCavvInput(
    string Pan, string Atn, char AuthResultCode, string SecondFactorCode, string KeyIndicator,
    byte VersionAction, byte[] IpAddress);
