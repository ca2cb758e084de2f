using FluentValidation;
using IssuerVerification.Api.Validation;
using IssuerVerification.Domain.Tokens;

namespace IssuerVerification.Api.Tokens;

internal sealed class CreateTokenVerificationRequestValidator : AbstractValidator<CreateTokenVerificationRequest>
{
    public CreateTokenVerificationRequestValidator(CallbackSettings callbacks)
    {
        RuleFor(r => r.TokenReference).Must(v => IsId(v, 64, ".:")).WithMessage("1 to 64 characters: letters, digits, '-', '_', '.', ':'.");
        RuleFor(r => r.Pan).MustBePan().When(r => r.Pan is not null);
        RuleFor(r => r).Must(r => r.Pan is null ^ r.CardId is null).WithMessage("Give exactly one of pan and cardId.").OverridePropertyName("pan");
        RuleFor(r => r.TokenRequestor.Id).Must(v => IsId(v, 64, ".:")).WithMessage("1 to 64 characters: letters, digits, '-', '_', '.', ':'.");
        RuleFor(r => r.TokenRequestor.Name).Must(v => IsText(v, 100)).When(r => r.TokenRequestor.Name is not null).WithMessage("1 to 100 printable characters.");
        RuleFor(r => r.TokenRequestor.MerchantId).Must(v => IsId(v, 64, ".:")).When(r => r.TokenRequestor.MerchantId is not null)
            .WithMessage("1 to 64 characters: letters, digits, '-', '_', '.', ':'.");
        RuleFor(r => r.Device!.Id).Must(v => IsId(v, 128, ".:")).When(r => r.Device is not null).WithMessage("1 to 128 characters: letters, digits, '-', '_', '.', ':'.");
        RuleFor(r => r.Device!.Name).Must(v => IsText(v, 100)).When(r => r.Device?.Name is not null).WithMessage("1 to 100 printable characters.");
        RuleFor(r => r.Device!.Type).Must(v => IsId(v, 32, "")).When(r => r.Device?.Type is not null).WithMessage("1 to 32 characters: letters, digits, '-', '_'.");
        RuleFor(r => r.Passkey!.CredentialId).Must(v => IsId(v, 1024, "")).When(r => r.Passkey is not null).WithMessage("1 to 1024 base64url characters.");
        RuleFor(r => r.Device).Must((r, _) => r.Device is not null || r.Passkey is not null)
            .When(r => r.RequestType == TokenRequestType.DeviceBinding).WithMessage("A device binding needs a device or a passkey.");
        RuleFor(r => r.Risk!.Score).InclusiveBetween(0, 99).When(r => r.Risk?.Score is not null);
        RuleFor(r => r.Risk!.Reasons).Must(v => v!.Count <= 20 && v.All(reason => IsId(reason, 64, ".:")))
            .When(r => r.Risk?.Reasons is not null).WithMessage("At most 20 codes of 1 to 64 characters: letters, digits, '-', '_', '.', ':'.");
        RuleFor(r => r.CallbackUrl).Must(v => v!.Length <= 2048 && callbacks.Allows(v)).When(r => r.CallbackUrl is not null)
            .WithMessage(callbacks.AllowHttpLoopback ? "An absolute https URL (or http to a loopback address), at most 2048 characters." : "An absolute https URL, at most 2048 characters.");
    }

    /// <summary>Letters, digits, '-', '_' and <paramref name="extra"/>, 1 to <paramref name="max"/> characters.</summary>
    private static bool IsId(string? value, int max, string extra) =>
        value is { Length: > 0 } && value.Length <= max && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' || extra.Contains(c));

    private static bool IsText(string? value, int max) =>
        value is { Length: > 0 } && value.Length <= max && !value.Any(char.IsControl);
}

internal sealed class SendOtpRequestValidator : AbstractValidator<SendOtpRequest>
{
    public SendOtpRequestValidator() =>
        RuleFor(r => r.MethodId).Must(v => v is { Length: >= 2 and <= 3 } && v[0] == 'm' && v[1..].All(char.IsAsciiDigit)).WithMessage("A method id such as m1.");
}

internal sealed class VerifyOtpRequestValidator : AbstractValidator<VerifyOtpRequest>
{
    public VerifyOtpRequestValidator() => RuleFor(r => r.Otp).MustBeDigits(6, 6);
}
