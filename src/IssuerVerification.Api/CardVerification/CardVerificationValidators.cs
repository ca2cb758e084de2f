using FluentValidation;
using IssuerVerification.Api.Validation;
using IssuerVerification.Domain.CardVerification;
using IssuerVerification.Domain.Common;

namespace IssuerVerification.Api.CardVerification;

internal sealed class CvvGenerateRequestValidator : AbstractValidator<CvvGenerateRequest>
{
    public CvvGenerateRequestValidator()
    {
        RuleFor(r => r.Pan).MustBePan();
        RuleFor(r => r.Expiry).MustBeExpiry();
        RuleFor(r => r.ServiceCode).MustBeDigits(3, 3).When(r => r.Kind == CvvKind.Cvv1 || r.ServiceCode is not null);
    }
}

internal sealed class CvvVerifyRequestValidator : AbstractValidator<CvvVerifyRequest>
{
    public CvvVerifyRequestValidator()
    {
        RuleFor(r => r.Pan).MustBePan();
        RuleFor(r => r.Expiry).MustBeExpiry();
        RuleFor(r => r.ServiceCode).MustBeDigits(3, 3).When(r => r.Kind == CvvKind.Cvv1 || r.ServiceCode is not null);
        RuleFor(r => r.Value).MustBeDigits(3, 3);
    }
}

internal static class Cvc3Rules
{
    public static void Apply<T>(AbstractValidator<T> v, Func<T, string?> pan, Func<T, string?> psn, Func<T, string?> track, Func<T, string?> ivcvc3,
        Func<T, string?> un, Func<T, string?> atc)
    {
        v.RuleFor(r => pan(r)).MustBePan().OverridePropertyName("pan");
        v.RuleFor(r => psn(r)).MustBeDigits(2, 2).When(r => psn(r) is not null).OverridePropertyName("psn");
        v.RuleFor(r => track(r)).Must(t => Digits.AreHex(t, t?.Length ?? 0) && t!.Length is >= 16 and <= 80
                && t.Contains('D', StringComparison.OrdinalIgnoreCase))
            .When(r => track(r) is not null).WithMessage("16 to 80 hex characters with the D separator.").OverridePropertyName("trackData");
        v.RuleFor(r => ivcvc3(r)).MustBeHex(4).When(r => ivcvc3(r) is not null).OverridePropertyName("ivcvc3");
        v.RuleFor(r => r).Must(r => track(r) is null ^ ivcvc3(r) is null)
            .WithMessage("Give exactly one of trackData and ivcvc3.").OverridePropertyName("trackData");
        v.RuleFor(r => un(r)).MustBeHex(8).OverridePropertyName("unpredictableNumber");
        v.RuleFor(r => atc(r)).MustBeHex(4).OverridePropertyName("atc");
    }
}

internal sealed class Cvc3GenerateRequestValidator : AbstractValidator<Cvc3GenerateRequest>
{
    public Cvc3GenerateRequestValidator() =>
        Cvc3Rules.Apply(this, r => r.Pan, r => r.Psn, r => r.TrackData, r => r.Ivcvc3, r => r.UnpredictableNumber, r => r.Atc);
}

internal sealed class Cvc3VerifyRequestValidator : AbstractValidator<Cvc3VerifyRequest>
{
    public Cvc3VerifyRequestValidator()
    {
        Cvc3Rules.Apply(this, r => r.Pan, r => r.Psn, r => r.TrackData, r => r.Ivcvc3, r => r.UnpredictableNumber, r => r.Atc);
        RuleFor(r => r.Cvc3).MustBeDigits(3, 5);
    }
}

internal sealed class DcvvGenerateRequestValidator : AbstractValidator<DcvvGenerateRequest>
{
    public DcvvGenerateRequestValidator()
    {
        RuleFor(r => r.Pan).MustBePan();
        RuleFor(r => r.Expiry).MustBeExpiry();
        RuleFor(r => r.ServiceCode).MustBeDigits(3, 3);
        RuleFor(r => r.Atc).MustBeHex(4);
    }
}

internal sealed class DcvvVerifyRequestValidator : AbstractValidator<DcvvVerifyRequest>
{
    public DcvvVerifyRequestValidator()
    {
        RuleFor(r => r.Pan).MustBePan();
        RuleFor(r => r.Expiry).MustBeExpiry();
        RuleFor(r => r.ServiceCode).MustBeDigits(3, 3);
        RuleFor(r => r.Atc).MustBeHex(4);
        RuleFor(r => r.Dcvv).MustBeDigits(3, 3);
    }
}
