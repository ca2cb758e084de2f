using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Api.Startup;

internal static class CryptoRegistration
{
    /// <summary>
    /// Registers one provider under every crypto port. An HSM provider may implement the ports one at a time:
    /// register it here for the ports it serves and the software provider for the rest.
    /// </summary>
    public static IServiceCollection AddCryptoProvider<T>(this IServiceCollection services, T provider)
        where T : class, IKeyManagement, ICardCodes, IContactlessCodes, IThreeDSecureValues, ISealing, ISigning => services
        .AddSingleton<IKeyManagement>(provider)
        .AddSingleton<ICardCodes>(provider)
        .AddSingleton<IContactlessCodes>(provider)
        .AddSingleton<IThreeDSecureValues>(provider)
        .AddSingleton<ISealing>(provider)
        .AddSingleton<ISigning>(provider);
}
