using FluentValidation;
using IssuerVerification.Api.Validation;
using IssuerVerification.Domain.Dcvv2;

namespace IssuerVerification.Api.Dcvv2;

internal sealed class Dcvv2GenerateRequestValidator : AbstractValidator<Dcvv2GenerateRequest>
{
    public Dcvv2GenerateRequestValidator()
    {
        RuleFor(r => r.Count).InclusiveBetween(1, Dcvv2Service.MaxCount);
        RuleFor(r => r.Pan).MustBePan().When(r => r.Pan is not null);
        RuleFor(r => r).Must(r => r.Pan is null ^ r.CardId is null)
            .WithMessage("Give exactly one of pan and cardId.").OverridePropertyName("pan");
    }
}

internal sealed class Dcvv2VerifyRequestValidator : AbstractValidator<Dcvv2VerifyRequest>
{
    public Dcvv2VerifyRequestValidator()
    {
        RuleFor(r => r.Pan).MustBePan();
        RuleFor(r => r.Dcvv2).MustBeDigits(3, 3);
    }
}
