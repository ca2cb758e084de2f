using IssuerVerification.Domain.Cards;

namespace IssuerVerification.Domain.Tokens;

/// <summary>
/// The ID&amp;V methods the cardholder record allows, by network: phone and email (masked), the bank app (for Mastercard its value
/// is <c>PUSH_NOTIFICATION</c>) and, for Mastercard only, an OTP in a push message. Customer service is never offered.
/// Ids follow the order of the list, so they are stable within one verification.
/// </summary>
public static class IdvMethods
{
    public const string PushNotification = "PUSH_NOTIFICATION";
    public const string BankAppValue = "BANK_APP";
    public const string PushValue = "ISSUER_APP_PUSH";

    public static IReadOnlyList<IdvMethod> For(Network network, Cardholder cardholder)
    {
        var methods = new List<(IdvMethodType Type, string Value)>();
        if (cardholder.Phone is { Length: > 0 } phone)
        {
            methods.Add((IdvMethodType.CellPhone, ContactMask.Phone(phone)));
        }
        if (cardholder.Email is { Length: > 0 } email)
        {
            methods.Add((IdvMethodType.Email, ContactMask.Email(email)));
        }
        if (cardholder.BankApp)
        {
            methods.Add((IdvMethodType.BankApp, network == Network.Mastercard ? PushNotification : BankAppValue));
            if (network == Network.Mastercard)
            {
                methods.Add((IdvMethodType.Push, PushValue));
            }
        }
        return [.. methods.Select((m, i) => new IdvMethod($"m{i + 1}", m.Type, m.Value))];
    }

    /// <summary>Whether the method sends an OTP (the bank app confirms through app-decision instead).</summary>
    public static bool SendsOtp(this IdvMethodType type) => type != IdvMethodType.BankApp;
}
