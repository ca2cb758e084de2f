using FluentValidation;
using IssuerVerification.Api.Auth;
using IssuerVerification.Api.Validation;
using IssuerVerification.Domain.Clients;
using IssuerVerification.Domain.Common;
using IssuerVerification.Domain.Crypto;
using IssuerVerification.Domain.Keys;

namespace IssuerVerification.Api.Admin;

internal sealed class CreateKeyRequestValidator : AbstractValidator<CreateKeyRequest>
{
    public CreateKeyRequestValidator()
    {
        RuleFor(r => r.Alias).MustBeNewKeyAlias();
        RuleFor(r => r.Usage).MustBeIssuerUsage();
        RuleFor(r => r.Algorithm).Must((r, a) => KeyRules.Fits(r.Usage, a)).When(r => KeyUsages.IsIssuerKey(r.Usage))
            .WithMessage(r => KeyRules.AlgorithmOf(r.Usage));
        RuleFor(r => r.Components).Must(c => c is null || c.Count is >= 1 and <= 3).WithMessage("Give 1 to 3 components.");
        RuleForEach(r => r.Components).Must((r, c) => Digits.AreHex(c, ComponentHexLength(r)))
            .WithMessage(r => $"Each component is {ComponentHexLength(r) / 2} bytes: {ComponentHexLength(r)} hex characters.");
        RuleForEach(r => r.Components).Must((r, c) => !IsZero(r, c)).When(ComponentsAreHex).WithMessage("A component may not be all zeros.");
        RuleFor(r => r.Components).Must((r, _) => CombinedWeakness(r) is null)
            .When(r => ComponentsAreHex(r) && !r.Components!.Any(c => IsZero(r, c)))
            .WithMessage(r => CombinedWeakness(r));
    }

    private static int ComponentHexLength(CreateKeyRequest r) => KeyAlgorithms.ToDomain(r.Algorithm) == KeyAlgorithm.HmacSha1 ? 40 : 32;

    private static KeyAlgorithm AlgorithmOf(CreateKeyRequest r) => KeyAlgorithms.ToDomain(r.Algorithm);

    private static bool ComponentsAreHex(CreateKeyRequest r) =>
        r.Components is { Count: >= 1 and <= 3 } components && components.All(c => Digits.AreHex(c, ComponentHexLength(r)));

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
        var key = new byte[ComponentHexLength(r) / 2];
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
            : WeakKeys.HasEqualHalves(AlgorithmOf(r), key) ? "The key's two halves are equal, which makes it single DES."
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

internal sealed class SubmitComponentRequestValidator : AbstractValidator<SubmitComponentRequest>
{
    public SubmitComponentRequestValidator() =>
        RuleFor(r => r.Component).Must(c => Digits.AreHex(c, 32) || Digits.AreHex(c, 40))
            .WithMessage("A component is hex: 32 characters (TDES_2KEY) or 40 (HMAC_SHA1).");
}

internal static class KeyRules
{
    public static IRuleBuilderOptions<T, string> MustBeNewKeyAlias<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(64).Matches("^[A-Za-z0-9][A-Za-z0-9._-]*$")
            .WithMessage("Use letters, digits, '.', '_' and '-'.")
            .Must(a => !a.StartsWith("system-", StringComparison.Ordinal)).WithMessage("The 'system-' prefix is reserved.");

    public static bool Fits(KeyUsage usage, KeyAlgorithmName? algorithm) => KeyAlgorithms.ToDomain(algorithm) == KeyUsages.AlgorithmOf(usage);

    public static string AlgorithmOf(KeyUsage usage) => $"This usage takes {KeyAlgorithms.FromDomain(KeyUsages.AlgorithmOf(usage))} keys.";

    public static IRuleBuilderOptions<T, KeyUsage> MustBeIssuerUsage<T>(this IRuleBuilder<T, KeyUsage> rule) =>
        rule.Must(KeyUsages.IsIssuerKey).WithMessage("Not a usage an issuer key can have.");
}
