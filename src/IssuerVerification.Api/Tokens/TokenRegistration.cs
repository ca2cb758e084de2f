using IssuerVerification.Api.Delivery;
using IssuerVerification.Api.Startup;
using IssuerVerification.Domain.Delivery;
using IssuerVerification.Domain.Keys;
using IssuerVerification.Domain.Tokens;

namespace IssuerVerification.Api.Tokens;

internal static class TokenRegistration
{
    /// <summary>Token verification, its delivery channel (Delivery:Channel), the expiry sweep and the callback dispatcher.</summary>
    public static IServiceCollection AddTokenVerification(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(new SigningKeyOptions(TimeSpan.FromDays(
            configuration.GetValue("Signing:PreviousKeyDays", SigningKeyOptions.Default.PreviousKeyLifetime.TotalDays))));
        services.AddSingleton<ResultSigner>();
        services.AddSingleton<OutboxDelivery>();
        if (WebhookSettings.Selected(configuration))
        {
            services.AddSingleton(WebhookSettings.Read(configuration));
            services.AddSingleton<IMessageDelivery, WebhookDelivery>();
        }
        else
        {
            services.AddSingleton<IMessageDelivery>(sp => sp.GetRequiredService<OutboxDelivery>());
        }
        services.AddSingleton(new StepUps());
        services.AddSingleton<TokenVerificationService>();
        services.AddSingleton(CallbackSettings.Read(configuration, environment));
        services.AddOutgoingHttp();
        // Step-ups past their time become expired for good, so that their callbacks go out (readers see them expired before).
        PeriodicSweep.Add(services, "token verification expiry", "TokenVerification:SweepSeconds",
            (sp, ct) => sp.GetRequiredService<TokenVerificationService>().ExpireDueAsync(ct));
        services.AddSingleton<CallbackDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<CallbackDispatcher>());
        return services;
    }
}
