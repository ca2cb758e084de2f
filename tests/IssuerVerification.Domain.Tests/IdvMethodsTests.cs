using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.Tokens;

namespace IssuerVerification.Domain.Tests;

public sealed class IdvMethodsTests
{
    private static readonly Cardholder Everything = new() { Phone = "+15555550100", Email = "sarah@example.com", BankApp = true };

    private static string Describe(Network network, Cardholder cardholder) =>
        string.Join(' ', IdvMethods.For(network, cardholder).Select(m => $"{m.Id}:{m.Type}:{m.Value}"));

    [Fact]
    public void Visa_gets_masked_contacts_and_the_bank_app_never_push() =>
        Assert.Equal("m1:CellPhone:+*******0100 m2:Email:s****@example.com m3:BankApp:BANK_APP", Describe(Network.Visa, Everything));

    [Fact]
    public void Mastercard_bank_app_is_push_notification_and_push_is_offered() =>
        Assert.Equal("m1:CellPhone:+*******0100 m2:Email:s****@example.com m3:BankApp:PUSH_NOTIFICATION m4:Push:ISSUER_APP_PUSH",
            Describe(Network.Mastercard, Everything));

    [Fact]
    public void No_contact_and_no_app_gives_no_method() =>
        Assert.Empty(IdvMethods.For(Network.Mastercard, new Cardholder { Name = "NO CONTACT" }));

    /// <summary>Every combination of contacts, on both networks: never customer service, push only for Mastercard, ids in order.</summary>
    [Fact]
    public void No_input_yields_customer_service_or_visa_push()
    {
        foreach (var network in Enum.GetValues<Network>())
        {
            foreach (var phone in new[] { null, "", "+15555550100", "0" })
            {
                foreach (var email in new[] { null, "", "a@b.c", "x" })
                {
                    foreach (var app in new[] { false, true })
                    {
                        var methods = IdvMethods.For(network, new Cardholder { Phone = phone, Email = email, BankApp = app });
                        Assert.All(methods, m => Assert.True(Enum.IsDefined(m.Type)));
                        Assert.DoesNotContain(methods, m => m.Value.Contains("customer", StringComparison.OrdinalIgnoreCase));
                        Assert.Equal(methods.Select((_, i) => $"m{i + 1}"), methods.Select(m => m.Id));
                        if (network == Network.Visa)
                        {
                            Assert.DoesNotContain(methods, m => m.Type == IdvMethodType.Push);
                        }
                        Assert.DoesNotContain(methods, m => phone is { Length: > 1 } && m.Value.Contains(phone, StringComparison.Ordinal));
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData("+15555550100", "+*******0100")]
    [InlineData("5555550100", "******0100")]
    [InlineData("0100", "****")]
    public void Phones_keep_only_their_last_four_digits(string phone, string masked) => Assert.Equal(masked, ContactMask.Phone(phone));

    [Theory]
    [InlineData("sarah@example.com", "s****@example.com")]
    [InlineData("a@b.c", "a*@b.c")]
    [InlineData("nobody", "******")]
    public void Emails_keep_their_first_letter_and_domain(string email, string masked) => Assert.Equal(masked, ContactMask.Email(email));
}
