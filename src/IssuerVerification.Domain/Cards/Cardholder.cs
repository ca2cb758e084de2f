namespace IssuerVerification.Domain.Cards;

/// <summary>Contacts the issuer may use for step-up authentication, in clear: stored only as <see cref="StoredCardholder"/>.</summary>
public sealed record Cardholder
{
    public string? Name { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public bool BankApp { get; init; }

    /// <summary>
    /// The contacts as a response may show them: the phone's last 4 digits (last 2 of a number under 10 digits), the
    /// email's first letter and domain: <c>+*******0100</c>, <c>s***@example.com</c>.
    /// </summary>
    public Cardholder Masked() => this with { Phone = MaskPhone(Phone), Email = MaskEmail(Email) };

    private static string? MaskPhone(string? phone)
    {
        if (phone is null)
        {
            return null;
        }
        var digits = phone.TrimStart('+');
        var shown = digits.Length >= 10 ? 4 : 2;
        return string.Concat(phone[..(phone.Length - digits.Length)], new string('*', digits.Length - shown), digits[^shown..]);
    }

    private static string? MaskEmail(string? email)
    {
        var at = email?.LastIndexOf('@') ?? -1;
        return email is null ? null : at <= 0 ? "***" : string.Concat(email.AsSpan(0, 1), "***", email.AsSpan(at));
    }
}
