using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Api.Startup;

internal static class CryptoRegistration
{
    /// <summary>
    /// Registers one provider under every crypto port. An HSM provider may implement the ports one at a time:
    /// register it here for the ports it serves and the software provider for the rest. The provider is registered
    /// through a factory so that the container disposes it at shutdown (the software provider zeroes its clear keys then).
    /// </summary>
    public static IServiceCollection AddCryptoProvider<T>(this IServiceCollection services, T provider)
        where T : class, IKeyManagement, IKeyExchange, ICardCodes, IContactlessCodes, IThreeDSecureValues, ISealing, ISigning => services
        .AddSingleton(_ => provider)
        .AddSingleton<IKeyManagement>(s => s.GetRequiredService<T>())
        .AddSingleton<IKeyExchange>(s => s.GetRequiredService<T>())
        .AddSingleton<ICardCodes>(s => s.GetRequiredService<T>())
        .AddSingleton<IContactlessCodes>(s => s.GetRequiredService<T>())
        .AddSingleton<IThreeDSecureValues>(s => s.GetRequiredService<T>())
        .AddSingleton<ISealing>(s => s.GetRequiredService<T>())
        .AddSingleton<ISigning>(s => s.GetRequiredService<T>());
}
