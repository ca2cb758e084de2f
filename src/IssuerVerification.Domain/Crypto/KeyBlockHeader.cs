using System.Globalization;

namespace IssuerVerification.Domain.Crypto;

/// <summary>
/// The clear header of a TR-31 (ANSI X9.143) key block: version, key usage, algorithm, mode of use, key version number,
/// exportability and optional blocks. The MAC authenticates all of it; <see cref="Parse"/> only reads it, so a caller can
/// refuse a block before any key is touched. <see cref="Length"/> is the header's own length, optional blocks included.
/// </summary>
public sealed record KeyBlockHeader(
    char Version, string KeyUsage, char Algorithm, char ModeOfUse, string KeyVersion, char Exportability, int OptionalBlocks, int Length)
{
    private const int FixedLength = 16;

    /// <summary>True for versions A and C, whose key-variant binding TR-31:2018 keeps for compatibility only.</summary>
    public bool IsLegacy => Version is 'A' or 'C';

    /// <summary>A header with no optional blocks, for a block being made.</summary>
    public static KeyBlockHeader Of(char version, KeyBlockUsage usage, char algorithm) =>
        new(version, usage.Code, algorithm, usage.ModeOfUse, "00", 'N', 0, FixedLength);

    /// <summary>The header's text for a block of <paramref name="blockLength"/> characters (only for headers made by <see cref="Of"/>).</summary>
    public string Text(int blockLength) =>
        string.Create(CultureInfo.InvariantCulture, $"{Version}{blockLength:D4}{KeyUsage}{Algorithm}{ModeOfUse}{KeyVersion}{Exportability}0000");

    /// <summary>Reads the header of <paramref name="block"/>; a malformed one throws <see cref="CryptoException"/>.</summary>
    public static KeyBlockHeader Parse(string block)
    {
        if (block is null || block.Length < FixedLength || block.Any(c => c is < ' ' or > '~'))
        {
            throw new CryptoException("A TR-31 key block is printable ASCII and starts with a 16-character header.");
        }
        if (!int.TryParse(block.AsSpan(1, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length != block.Length)
        {
            throw new CryptoException($"The key block's length field ('{block[1..5]}') is not its length ({block.Length}).");
        }
        if (!int.TryParse(block.AsSpan(12, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var optionalBlocks))
        {
            throw new CryptoException("The key block's number of optional blocks is not 2 digits.");
        }

        var headerLength = FixedLength;
        for (var i = 0; i < optionalBlocks; i++)
        {
            headerLength += OptionalBlockLength(block, headerLength);
        }
        return new(block[0], block[5..7], block[7], block[8], block[9..11], block[11], optionalBlocks, headerLength);
    }

    /// <summary>
    /// The length of the optional block at <paramref name="at"/>: id (2), length (2 hex digits, counting the whole block),
    /// or "00" then the length of the length (2 hex digits) and the length in that many hex digits.
    /// </summary>
    private static int OptionalBlockLength(string block, int at)
    {
        var length = Hex(block, at + 2, 2);
        if (length == 0)
        {
            var digits = Hex(block, at + 4, 2);
            length = digits is > 0 and <= 4 ? Hex(block, at + 6, digits * 2) : -1;
        }
        return length >= 4 && at + length <= block.Length
            ? length
            : throw new CryptoException($"Optional block {(at + 2 <= block.Length ? block.Substring(at, 2) : "?")} of the key block has a bad length.");
    }

    private static int Hex(string block, int at, int digits) =>
        at + digits <= block.Length && int.TryParse(block.AsSpan(at, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            ? value
            : -1;
}
