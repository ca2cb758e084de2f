using System.Security.Cryptography;
using IssuerVerification.Crypto;
using IssuerVerification.Crypto.Pkcs11;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Api.Startup;

/// <summary>
/// <c>Crypto:Provider</c>: <c>Software</c> (default; keys wrapped under <c>Crypto:MasterKey</c>) or <c>Pkcs11</c> (keys in a
/// token: <c>Crypto:Pkcs11:ModulePath</c>, <c>TokenLabel</c> or <c>SlotId</c>, the user PIN from <c>UserPinFile</c> (a
/// secret file) or <c>UserPin</c> (an environment variable or user secret), <c>MaxSessions</c>). See docs/crypto-provider.md.
/// </summary>
internal static class CryptoSettings
{
    public const string Software = "Software";
    public const string Pkcs11 = "Pkcs11";

    public static bool UsesPkcs11(IConfiguration configuration) => string.Equals(configuration["Crypto:Provider"], Pkcs11, StringComparison.OrdinalIgnoreCase);

    public static ICryptoProvider Create(IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration["Crypto:Provider"] ?? Software;
        if (UsesPkcs11(configuration))
        {
            return CreateToken(configuration);
        }
        if (!string.Equals(provider, Software, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Crypto:Provider must be {Software} or {Pkcs11}.");
        }
        byte[][] masterKeys = [MasterKeySettings.Current(configuration, environment), .. MasterKeySettings.Previous(configuration)];
        var software = new SoftwareCryptoProvider(masterKeys[0], masterKeys[1..]);
        Array.ForEach(masterKeys, key => CryptographicOperations.ZeroMemory(key)); // the provider keeps its own pinned copies
        return software;
    }

    /// <summary>The PKCS#11 provider of <c>Crypto:Pkcs11</c>, whatever <c>Crypto:Provider</c> says (switching needs it beside the software provider).</summary>
    public static Pkcs11CryptoProvider CreateToken(IConfiguration configuration) => new(Token(configuration.GetSection("Crypto:Pkcs11")));

    private static Pkcs11Settings Token(IConfigurationSection section)
    {
        var module = section["ModulePath"] is { Length: > 0 } path ? path : throw new InvalidOperationException("Crypto:Pkcs11:ModulePath is not set.");
        var label = section["TokenLabel"] is { Length: > 0 } name ? name : null;
        ulong? slot = ulong.TryParse(section["SlotId"], out var id) ? id : null;
        if (label is null && slot is null)
        {
            throw new InvalidOperationException("Set Crypto:Pkcs11:TokenLabel or Crypto:Pkcs11:SlotId.");
        }
        var pin = section["UserPinFile"] is { Length: > 0 } file ? File.ReadAllText(file).TrimEnd('\r', '\n')
            : section["UserPin"] is { Length: > 0 } value ? value
            : throw new InvalidOperationException("Set Crypto:Pkcs11:UserPinFile (a secret file) or Crypto:Pkcs11:UserPin (from the environment or a secret store).");
        return new Pkcs11Settings(module, label, slot, pin, section.GetValue("MaxSessions", 16));
    }
}
