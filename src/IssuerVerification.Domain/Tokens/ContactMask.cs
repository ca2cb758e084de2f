namespace IssuerVerification.Domain.Tokens;

/// <summary>Masks the cardholder's contacts for responses: enough to recognise them, not to use them.</summary>
public static class ContactMask
{
    /// <summary><c>+15555550100</c> → <c>+*******0100</c>: the last 4 digits.</summary>
    public static string Phone(string phone) =>
        phone.Length <= 4 ? new string('*', phone.Length)
        : (phone[0] == '+' ? "+" : "") + new string('*', phone.Length - 4 - (phone[0] == '+' ? 1 : 0)) + phone[^4..];

    /// <summary><c>sarah@example.com</c> → <c>s****@example.com</c>: the first letter and the domain.</summary>
    public static string Email(string email)
    {
        var at = email.LastIndexOf('@');
        return at <= 0 ? new string('*', email.Length) : email[0] + new string('*', Math.Max(at - 1, 1)) + email[at..];
    }
}
