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
    /// <summary>A transaction time may not be used to accept a later window's value early, nor to revive old ones.</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxBehind = TimeSpan.FromHours(24);

    public Dcvv2VerifyRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.Pan).MustBePan();
        RuleFor(r => r.Dcvv2).MustBeDigits(3, 3);
        RuleFor(r => r.TransactionTime)
            .Must(t => t is not { } time || (time - clock.GetUtcNow() <= MaxAhead && clock.GetUtcNow() - time <= MaxBehind))
            .WithMessage("Within 24 hours before and 5 minutes after now.");
    }
}
