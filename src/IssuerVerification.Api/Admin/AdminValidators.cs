using FluentValidation;
using IssuerVerification.Api.Auth;
using IssuerVerification.Api.Validation;
using IssuerVerification.Domain.Clients;
using IssuerVerification.Domain.Common;
using IssuerVerification.Domain.Crypto;
using IssuerVerification.Domain.Keys;

namespace IssuerVerification.Api.Admin;

internal sealed partial class CreateKeyRequestValidator : AbstractValidator<CreateKeyRequest>
{
    public CreateKeyRequestValidator()
    {
        RuleFor(r => r.Alias).MustBeNewKeyAlias();
        RuleFor(r => r.Usage).MustBeIssuerUsage();
        RuleFor(r => r.Algorithm).Must((r, a) => KeyRules.Fits(r.Usage, a)).When(r => KeyUsages.IsIssuerKey(r.Usage))
            .WithMessage(r => KeyRules.AlgorithmOf(r.Usage));
        RuleFor(r => r.Components).Must(c => c is null || c.Count is >= 1 and <= 3).WithMessage("Give 1 to 3 components.");
        RuleForEach(r => r.Components).Must((r, c) => Digits.AreHex(c, KeyHexLength(r)))
            .WithMessage(r => $"Each component is {KeyHexLength(r) / 2} bytes: {KeyHexLength(r)} hex characters.");
        RuleForEach(r => r.Components).Must((r, c) => !IsZero(r, c)).When(ComponentsAreHex).WithMessage("A component may not be all zeros.");
        RuleFor(r => r.Components).Must((r, _) => CombinedWeakness(r) is null)
            .When(r => ComponentsAreHex(r) && !r.Components!.Any(c => IsZero(r, c)))
            .WithMessage(r => CombinedWeakness(r));
        AddKeyExchangeRules();
    }

    /// <summary>The length in hex of a component or cryptogram of the algorithm asked for.</summary>
    private static int KeyHexLength(CreateKeyRequest r) => KeyAlgorithms.HexLength(AlgorithmOf(r));

    private static KeyAlgorithm AlgorithmOf(CreateKeyRequest r) => KeyAlgorithms.ToDomain(r.Algorithm);

    private static bool ComponentsAreHex(CreateKeyRequest r) =>
        r.Components is { Count: >= 1 and <= 3 } components && components.All(c => Digits.AreHex(c, KeyHexLength(r)));

    private static bool IsZero(CreateKeyRequest r, string component)
    {
        var bytes = Convert.FromHexString(component);
        var zero = WeakKeys.IsZero(AlgorithmOf(r), bytes);
        Array.Clear(bytes);
        return zero;
    }

    /// <summary>What is wrong with the key the components XOR to, or null. The clear bytes are wiped after the check.</summary>
    private static string? CombinedWeakness(CreateKeyRequest r)
    {
        var key = new byte[KeyHexLength(r) / 2];
        foreach (var component in r.Components!)
        {
            var bytes = Convert.FromHexString(component);
            for (var i = 0; i < key.Length; i++)
            {
                key[i] ^= bytes[i];
            }
            Array.Clear(bytes);
        }
        var weakness = WeakKeys.IsZero(AlgorithmOf(r), key) ? "The components XOR to zero."
            : WeakKeys.HasEqualHalves(AlgorithmOf(r), key) ? WeakKeys.Weakness(AlgorithmOf(r), key)
            : null;
        Array.Clear(key);
        return weakness;
    }
}

internal sealed class CreateCardRangeRequestValidator : AbstractValidator<CreateCardRangeRequest>
{
    public CreateCardRangeRequestValidator()
    {
        RuleFor(r => r.PanPrefix).Must(p => Digits.AreDigits(p, 6, 11)).WithMessage("6 to 11 digits.");
        RuleFor(r => r.Keys).NotNull();
        Include(new CardRangeSettingsValidator());
    }
}

internal sealed class UpdateCardRangeRequestValidator : AbstractValidator<UpdateCardRangeRequest>
{
    public UpdateCardRangeRequestValidator() => Include(new CardRangeSettingsValidator());
}

internal sealed class RegisterCardRequestValidator : AbstractValidator<RegisterCardRequest>
{
    public RegisterCardRequestValidator()
    {
        RuleFor(r => r.Pan).MustBePan();
        RuleFor(r => r.Expiry).MustBeExpiry();
        RuleFor(r => r.Psn).Must(p => p is null || Digits.AreDigits(p, 2, 2)).WithMessage("2 digits.");
        RuleFor(r => r.Cardholder).SetValidator(new CardholderValidator()!);
    }
}

internal sealed class UpdateCardRequestValidator : AbstractValidator<UpdateCardRequest>
{
    public UpdateCardRequestValidator() => RuleFor(r => r.Cardholder).SetValidator(new CardholderValidator()!);
}

internal sealed class CardholderValidator : AbstractValidator<CardholderDto>
{
    public CardholderValidator()
    {
        RuleFor(c => c.Name).MaximumLength(100);
        RuleFor(c => c.Phone).Matches(@"^\+?[0-9]{6,15}$").When(c => c.Phone is not null).WithMessage("E.164 digits, optionally with '+'.");
        RuleFor(c => c.Email).EmailAddress().MaximumLength(254).When(c => c.Email is not null);
    }
}

internal sealed class CreateClientRequestValidator : AbstractValidator<CreateClientRequest>
{
    public CreateClientRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100);
        RuleFor(r => r.Scopes).NotEmpty();
        RuleForEach(r => r.Scopes).Must(s => Scopes.All.Contains(s)).WithMessage($"Known scopes: {string.Join(", ", Scopes.All)}.");
    }
}

internal sealed class RotateKeyRequestValidator : AbstractValidator<RotateKeyRequest>
{
    public RotateKeyRequestValidator() => RuleFor(r => r.GraceMinutes).InclusiveBetween(0, ClientDirectory.MaxGraceMinutes);
}

internal sealed class OpenKeyCeremonyRequestValidator : AbstractValidator<OpenKeyCeremonyRequest>
{
    public OpenKeyCeremonyRequestValidator()
    {
        RuleFor(r => r.Alias).MustBeNewKeyAlias();
        RuleFor(r => r.Usage).MustBeIssuerUsage();
        RuleFor(r => r.Algorithm).Must((r, a) => KeyRules.Fits(r.Usage, a)).When(r => KeyUsages.IsIssuerKey(r.Usage))
            .WithMessage(r => KeyRules.AlgorithmOf(r.Usage));
        RuleFor(r => r.ComponentCount).InclusiveBetween(1, KeyCeremonyOptions.MaxComponents);
    }
}

/// <summary>The key exchange forms of a create: a key block or a cryptogram under <c>kekAlias</c>, never with components.</summary>
internal sealed partial class CreateKeyRequestValidator
{
    private void AddKeyExchangeRules()
    {
        RuleFor(r => r.KekAlias).NotEmpty().WithMessage("A key block or cryptogram comes with the alias of the KEK that protects it.")
            .When(r => r.KeyBlock is not null || r.Cryptogram is not null);
        RuleFor(r => r.KekAlias).MaximumLength(64);
        RuleFor(r => r.Components).Null().When(r => r.KekAlias is not null)
            .WithMessage("A key under a KEK comes as a keyBlock or a cryptogram, not as components.");
        RuleFor(r => r.KeyBlock).NotNull().When(r => r.KekAlias is not null && r.Cryptogram is null)
            .WithMessage("Give the key under the KEK: keyBlock (TR-31) or cryptogram with kcv.");
        RuleFor(r => r.Cryptogram).Null().When(r => r.KeyBlock is not null).WithMessage("Give a keyBlock or a cryptogram, not both.");
        RuleFor(r => r.Algorithm).Null().When(r => r.KeyBlock is not null).WithMessage("A key block states its algorithm; leave algorithm out.");
        RuleFor(r => r.KeyBlock!).Length(16, 9999).Must(b => b.All(c => c is >= ' ' and <= '~')).When(r => r.KeyBlock is not null)
            .WithMessage("A TR-31 key block: 16 to 9999 printable ASCII characters.");
        RuleFor(r => r.Cryptogram).Must((r, c) => Digits.AreHex(c, KeyHexLength(r))).When(r => r.Cryptogram is not null)
            .WithMessage(r => $"The cryptogram of a {KeyAlgorithms.FromDomain(AlgorithmOf(r))} key is {KeyHexLength(r)} hex characters.");
        RuleFor(r => r.Kcv).Must(k => Digits.AreHex(k, 6)).When(r => r.Cryptogram is not null)
            .WithMessage("The key check value the key in the cryptogram must have: 6 hex characters.");
        RuleFor(r => r.Kcv).Null().When(r => r.Cryptogram is null).WithMessage("A kcv comes with a cryptogram only.");
    }
}

internal sealed class ExportKeyRequestValidator : AbstractValidator<ExportKeyRequest>
{
    public ExportKeyRequestValidator() => RuleFor(r => r.KekAlias).NotEmpty().MaximumLength(64);
}

internal sealed class SubmitComponentRequestValidator : AbstractValidator<SubmitComponentRequest>
{
    public SubmitComponentRequestValidator() =>
        RuleFor(r => r.Component).Must(c => Digits.AreHex(c, 32) || Digits.AreHex(c, 40) || Digits.AreHex(c, 48) || Digits.AreHex(c, 64))
            .WithMessage("A component is hex: 32 characters (TDES_2KEY), 40 (HMAC_SHA1), 48 (TDES_3KEY) or 64 (AES_256).");
}

internal static class KeyRules
{
    public static IRuleBuilderOptions<T, string> MustBeNewKeyAlias<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(64).Matches("^[A-Za-z0-9][A-Za-z0-9._-]*$")
            .WithMessage("Use letters, digits, '.', '_' and '-'.")
            .Must(a => !a.StartsWith("system-", StringComparison.Ordinal)).WithMessage("The 'system-' prefix is reserved.");

    public static bool Fits(KeyUsage usage, KeyAlgorithmName? algorithm) => KeyUsages.Fits(usage, KeyAlgorithms.ToDomain(algorithm));

    public static string AlgorithmOf(KeyUsage usage) =>
        $"This usage takes {string.Join(" or ", KeyUsages.AlgorithmsOf(usage).Select(KeyAlgorithms.FromDomain))} keys.";

    public static IRuleBuilderOptions<T, KeyUsage> MustBeIssuerUsage<T>(this IRuleBuilder<T, KeyUsage> rule) =>
        rule.Must(KeyUsages.IsIssuerKey).WithMessage("Not a usage an issuer key can have.");
}
