namespace IssuerVerification.Domain.Crypto;

/// <summary>EMV ICC master-key derivation (EMV Book 2 Annex A1.4).</summary>
public enum IccDerivation
{
    /// <summary>Option A for every PAN (rightmost 16 digits of PAN‖PSN).</summary>
    OptionA,
    /// <summary>Option B as EMV defines it: option A for PANs of up to 16 digits, SHA-1 above.</summary>
    OptionB,
    /// <summary>Option B on every PAN length (jPOS behaviour, for compatibility).</summary>
    OptionBAllPans,
}
