namespace IssuerVerification.Domain.Crypto;

/// <summary>A TR-31 key usage code and the mode of use this service writes with it.</summary>
public sealed record KeyBlockUsage(string Code, char ModeOfUse);

/// <summary>
/// Which TR-31 key blocks may become which keys (docs/key-management.md, "Key exchange"): the key usage codes and modes
/// of use each usage takes on import, the first one being what an export writes; the algorithm is T (TDES) or A (AES) as
/// the usage allows. A dCVV2 key and an AAV key are not exchanged: no TR-31 usage keeps them apart from other keys.
/// </summary>
public static class KeyBlockUsages
{
    private static readonly Dictionary<KeyUsage, (string[] Codes, char[] Modes)> Accepted = new()
    {
        [KeyUsage.Cvk] = (["C0"], ['C', 'N']),
        [KeyUsage.Cavv] = (["C0"], ['C', 'N']),
        [KeyUsage.ImkCvc3] = (["E6"], ['X', 'N']),
        [KeyUsage.ImkDcvv] = (["E6"], ['X', 'N']),
        [KeyUsage.Kek] = (["K0", "K1"], ['B', 'N']),
    };

    private static readonly Dictionary<string, string> Names = new()
    {
        ["B0"] = "a DUKPT base derivation key",
        ["B1"] = "a DUKPT initial key",
        ["C0"] = "a card verification key",
        ["D0"] = "a data encryption key",
        ["E0"] = "an EMV application cryptogram master key",
        ["E1"] = "an EMV secure messaging (confidentiality) master key",
        ["E2"] = "an EMV secure messaging (integrity) master key",
        ["E3"] = "an EMV data authentication code master key",
        ["E4"] = "an EMV dynamic numbers master key",
        ["E5"] = "an EMV card personalisation master key",
        ["E6"] = "an EMV issuer master key (other: CVC3, dCVV)",
        ["K0"] = "a key-encryption key",
        ["K1"] = "a TR-31 key block protection key",
        ["M0"] = "a MAC key",
        ["M3"] = "a MAC key",
        ["M7"] = "an HMAC key",
        ["P0"] = "a PIN encryption key",
        ["V0"] = "a PIN verification key",
        ["V1"] = "a PIN verification key",
        ["V2"] = "a PIN verification key",
    };

    /// <summary>True when keys of <paramref name="usage"/> travel as TR-31 key blocks.</summary>
    public static bool IsExchangeable(KeyUsage usage) => Accepted.ContainsKey(usage);

    /// <summary>The usage code and mode of use an export of a <paramref name="usage"/> key writes.</summary>
    public static KeyBlockUsage HeaderFor(KeyUsage usage) => Accepted.TryGetValue(usage, out var accepted)
        ? new(accepted.Codes[0], accepted.Modes[0])
        : throw new CryptoException(NotExchanged(usage));

    /// <summary>The block's algorithm letter for a key of <paramref name="algorithm"/>.</summary>
    public static char AlgorithmLetter(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.Tdes2Key or KeyAlgorithm.Tdes3Key => 'T',
        KeyAlgorithm.Aes256 => 'A',
        _ => throw new CryptoException($"A {algorithm} key does not travel in a TR-31 key block."),
    };

    /// <summary>
    /// Refuses (<see cref="CryptoException"/>) a header whose key usage, mode of use or algorithm does not fit a key of
    /// <paramref name="usage"/>, and a non-exportable block asked to become an exportable key.
    /// </summary>
    public static void RequireFits(KeyBlockHeader header, KeyUsage usage, bool exportable)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (!Accepted.TryGetValue(usage, out var accepted))
        {
            throw new CryptoException(NotExchanged(usage));
        }
        if (!accepted.Codes.Contains(header.KeyUsage))
        {
            var what = Names.TryGetValue(header.KeyUsage, out var name) ? $"holds {name}" : "has a key usage this service does not know";
            var taken = Accepted.Any(a => a.Value.Codes.Contains(header.KeyUsage));
            throw new CryptoException(taken
                ? $"The key block (key usage {header.KeyUsage}) {what}; it cannot become a {usage} key, which takes {string.Join(" or ", accepted.Codes)}."
                : $"The key block (key usage {header.KeyUsage}) {what}, which this service does not take; a {usage} key takes {string.Join(" or ", accepted.Codes)}.");
        }
        if (!accepted.Modes.Contains(header.ModeOfUse))
        {
            throw new CryptoException(
                $"The key block's mode of use {header.ModeOfUse} does not fit a {usage} key, which takes mode {string.Join(" or ", accepted.Modes)}.");
        }
        var algorithms = KeyUsages.AlgorithmsOf(usage).Select(AlgorithmLetterOrNull).ToArray();
        if (!algorithms.Contains(header.Algorithm))
        {
            throw new CryptoException(
                $"The key block's algorithm {header.Algorithm} does not fit a {usage} key, which takes {string.Join(" or ", algorithms.Distinct())}.");
        }
        if (exportable && header.Exportability is not ('E' or 'S'))
        {
            throw new CryptoException($"The key block's exportability is {header.Exportability}, neither E nor S: the key cannot be made exportable.");
        }
    }

    /// <summary>The algorithm of a <paramref name="usage"/> key of <paramref name="length"/> bytes from a block of algorithm <paramref name="letter"/>.</summary>
    public static KeyAlgorithm AlgorithmOf(KeyUsage usage, char letter, int length)
    {
        foreach (var algorithm in KeyUsages.AlgorithmsOf(usage))
        {
            if (AlgorithmLetterOrNull(algorithm) == letter && KeyUsages.KeyLength(algorithm) == length)
            {
                return algorithm;
            }
        }
        throw new CryptoException($"The key block holds a {length * 8}-bit key, which is not a {usage} key's length.");
    }

    private static char? AlgorithmLetterOrNull(KeyAlgorithm algorithm) =>
        algorithm is KeyAlgorithm.Tdes2Key or KeyAlgorithm.Tdes3Key or KeyAlgorithm.Aes256 ? AlgorithmLetter(algorithm) : null;

    private static string NotExchanged(KeyUsage usage) =>
        $"A {usage} key is not exchanged as a TR-31 key block: no TR-31 key usage keeps it apart from the other keys.";
}
