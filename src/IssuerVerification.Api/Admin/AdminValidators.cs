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
        RuleFor(r => r.Alias).NotEmpty().MaximumLength(64).Matches("^[A-Za-z0-9][A-Za-z0-9._-]*$")
            .WithMessage("Use letters, digits, '.', '_' and '-'.")
            .Must(a => !a.StartsWith("system-", StringComparison.Ordinal)).WithMessage("The 'system-' prefix is reserved.");
        RuleFor(r => r.Usage).Must(KeyUsages.IsIssuerKey).WithMessage("Not a usage an issuer key can have.");
        RuleFor(r => r.Algorithm).Must((r, a) => KeyAlgorithms.ToDomain(a) == KeyUsages.AlgorithmOf(r.Usage))
            .When(r => KeyUsages.IsIssuerKey(r.Usage))
            .WithMessage(r => $"This usage takes {KeyAlgorithms.FromDomain(KeyUsages.AlgorithmOf(r.Usage))} keys.");
        RuleFor(r => r.Components).Must(c => c is null || c.Count is >= 1 and <= 3).WithMessage("Give 1 to 3 components.");
        RuleForEach(r => r.Components).Must((r, c) => Digits.AreHex(c, ComponentHexLength(r)))
            .WithMessage(r => $"Each component is {ComponentHexLength(r) / 2} bytes: {ComponentHexLength(r)} hex characters.");
    }

    private static int ComponentHexLength(CreateKeyRequest r) => KeyAlgorithms.ToDomain(r.Algorithm) == KeyAlgorithm.HmacSha1 ? 40 : 32;
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
