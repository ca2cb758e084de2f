using FluentValidation;
using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.Common;

namespace IssuerVerification.Api.Validation;

/// <summary>Field rules shared by every request that carries card data.</summary>
public static class CardRules
{
    public static IRuleBuilderOptions<T, string?> MustBePan<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(p => Pan.TryParse(p, out _)).WithMessage("12 to 19 digits that pass the Luhn check.");

    public static IRuleBuilderOptions<T, string?> MustBeExpiry<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(Expiry.IsValid).WithMessage("4 digits, YYMM.");

    public static IRuleBuilderOptions<T, string?> MustBeDigits<T>(this IRuleBuilder<T, string?> rule, int min, int max) =>
        rule.Must(v => Digits.AreDigits(v, min, max)).WithMessage(min == max ? $"{min} digits." : $"{min} to {max} digits.");

    public static IRuleBuilderOptions<T, string?> MustBeHex<T>(this IRuleBuilder<T, string?> rule, int length) =>
        rule.Must(v => Digits.AreHex(v, length)).WithMessage($"{length} hex characters.");
}
