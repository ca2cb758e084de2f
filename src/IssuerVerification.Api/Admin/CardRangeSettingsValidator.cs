using FluentValidation;
using IssuerVerification.Domain.Keys;

namespace IssuerVerification.Api.Admin;

/// <summary>The rules a card range's key slots and settings follow, on creation and on change.</summary>
internal sealed class CardRangeSettingsValidator : AbstractValidator<ICardRangeSettings>
{
    public CardRangeSettingsValidator()
    {
        RuleForEach(r => r.Keys).Must(slot => KeySlot.Find(slot.Key) is not null).OverridePropertyName("keys")
            .WithMessage((_, slot) => $"'{slot.Key}' is not a key slot; the slots are {string.Join(", ", KeySlot.All)}.");
        RuleFor(r => r.Dcvv2!.WindowMinutes).InclusiveBetween(1, 1080).When(r => r.Dcvv2?.WindowMinutes is not null);
        RuleFor(r => r.Dcvv2!.GraceSeconds).InclusiveBetween(0, 3600).When(r => r.Dcvv2?.GraceSeconds is not null);
        RuleFor(r => r.Lockout!.MaxFailures).InclusiveBetween(1, 100).When(r => r.Lockout?.MaxFailures is not null);
        RuleFor(r => r.Lockout!.LockMinutes).InclusiveBetween(1, 525_600).When(r => r.Lockout?.LockMinutes is not null);
        RuleFor(r => r.ThreeDs!.FrictionlessMaxAmount).GreaterThanOrEqualTo(0).When(r => r.ThreeDs?.FrictionlessMaxAmount is not null);
        RuleFor(r => r.Cvc3Digits).InclusiveBetween(3, 5).When(r => r.Cvc3Digits is not null);
        RuleFor(r => r.TokenVerification!.RedFromScore).InclusiveBetween(1, 100).When(r => r.TokenVerification?.RedFromScore is not null);
        RuleFor(r => r.TokenVerification!.YellowFromScore).InclusiveBetween(0, 100).When(r => r.TokenVerification?.YellowFromScore is not null);
        RuleFor(r => r.TokenVerification!.YellowFromScore).LessThanOrEqualTo(r => r.TokenVerification!.RedFromScore)
            .When(r => r.TokenVerification is { YellowFromScore: not null, RedFromScore: not null }).WithMessage("At most redFromScore.");
        RuleFor(r => r.TokenVerification!.OtpMaxAttempts).InclusiveBetween(1, 10).When(r => r.TokenVerification?.OtpMaxAttempts is not null);
        RuleFor(r => r.TokenVerification!.OtpMaxSends).InclusiveBetween(1, 10).When(r => r.TokenVerification?.OtpMaxSends is not null);
        RuleFor(r => r.TokenVerification!.StepUpMinutes).InclusiveBetween(1, 60).When(r => r.TokenVerification?.StepUpMinutes is not null);
        RuleFor(r => r.ThreeDs!.ChallengeMaxAttempts).InclusiveBetween(1, 10).When(r => r.ThreeDs?.ChallengeMaxAttempts is not null);
    }
}
