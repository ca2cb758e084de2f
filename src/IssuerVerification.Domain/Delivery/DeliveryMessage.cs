namespace IssuerVerification.Domain.Delivery;

/// <summary>A one-time code to deliver to the cardholder.</summary>
/// <param name="Channel">How: <c>cell_phone</c>, <c>email</c> or <c>push</c>.</param>
/// <param name="Recipient">The phone number, email address, or <c>card:{id}</c> for a push through the issuer app.</param>
/// <param name="Purpose">What the code is for, e.g. <c>token_verification</c>.</param>
/// <param name="Reference">What it belongs to (a verification id): the outbox is read and purged by it.</param>
public sealed record DeliveryMessage(string Channel, string Recipient, string Purpose, string Reference, string Code)
{
    /// <summary>Never the code or the recipient: a record is printed by loggers and debuggers.</summary>
    public override string ToString() => $"{Purpose} over {Channel} for {Reference}";
}
