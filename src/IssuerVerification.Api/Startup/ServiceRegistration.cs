using FluentValidation;
using IssuerVerification.Api.Auth;
using IssuerVerification.Api.Health;
using IssuerVerification.Api.Json;
using IssuerVerification.Api.Limits;
using IssuerVerification.Api.Problems;
using IssuerVerification.Api.Retention;
using IssuerVerification.Api.ThreeDSecure;
using IssuerVerification.Api.ThreeDSecure.ChallengePage;
using IssuerVerification.Api.Tokens;
using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.CardVerification;
using IssuerVerification.Domain.Dcvv2;
using IssuerVerification.Domain.Keys;
using IssuerVerification.Domain.Verification;
using IssuerVerification.Store;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.HttpLogging;

namespace IssuerVerification.Api.Startup;

internal static class ServiceRegistration
{
    /// <summary>The composition root: store, crypto, domain services, auth, problems, limits.</summary>
    public static IServiceCollection AddIssuerServices(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var (provider, connectionString) = StorageSettings.Read(configuration, environment);
        BootstrapSettings.Validate(configuration, environment);
        services.AddIssuerStore(provider, connectionString, StorageSettings.Timeouts(configuration));
        services.AddCryptoProvider(CryptoSettings.Create(configuration, environment));
        services.AddSingleton(TimeProvider.System);
        services.AddIssuerTelemetry(configuration);

        services.AddSingleton<AuditChainKey>();
        services.AddSingleton<IAuditMac>(sp => sp.GetRequiredService<AuditChainKey>());
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<KeyRing>();
        services.AddSingleton(KeySettings.Read(configuration));
        services.AddSingleton(KeySettings.Ceremonies(configuration, environment));
        services.AddSingleton<KeyCeremonies>();
        services.AddSingleton<KeyExchanges>();
        services.AddSingleton<PanProtector>();
        services.AddSingleton<Sealer>();
        services.AddSingleton<SecretHasher>();
        services.AddSingleton<CardRanges>();
        services.AddSingleton<CardRegistry>();
        services.AddSingleton<CardResolver>();
        services.AddSingleton(new CardStateCacheOptions(TimeSpan.FromSeconds(
            configuration.GetValue("Verification:CardStateCacheSeconds", CardStateCacheOptions.Default.Lifetime.TotalSeconds))));
        services.AddSingleton<CardStateCache>();
        services.AddSingleton<ICardChangeListener>(sp => sp.GetRequiredService<CardStateCache>());
        services.AddSingleton<VerificationGuard>();
        services.AddSingleton<AtcRules>();
        services.AddSingleton<StaticCardVerification>();
        services.AddSingleton<DynamicCardVerification>();
        services.AddSingleton<Dcvv2Service>();
        services.AddTokenVerification(configuration, environment);
        services.AddThreeDSecure(configuration);
        services.AddChallengePage();
        services.AddSingleton<ClientDirectory>();
        services.AddSingleton<DemoData>();
        services.AddSingleton<StoreInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<StoreInitializer>());
        services.AddRetentionJob(configuration);

        services.AddValidatorsFromAssembly(typeof(ServiceRegistration).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);

        services.ConfigureHttpJsonOptions(o => JsonSetup.Configure(o.SerializerOptions));
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => JsonSetup.Configure(o.JsonSerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = FrameworkProblems.UseOurTypes);
        services.AddExceptionHandler<ExceptionProblemHandler>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        // Every endpoint needs an authenticated client unless it is marked anonymous on purpose (health).
        services.AddAuthorization(o => o.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser().Build());
        services.AddPerClientRateLimiting(configuration);
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: ["ready"]);
        // Method, path and status only: no query strings, headers or bodies.
        services.AddHttpLogging(o =>
        {
            o.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            o.CombineLogs = true;
        });
        return services;
    }
}
