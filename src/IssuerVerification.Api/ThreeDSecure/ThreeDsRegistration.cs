using IssuerVerification.Domain.ThreeDSecure;

namespace IssuerVerification.Api.ThreeDSecure;

internal static class ThreeDsRegistration
{
    /// <summary>The access control server, its challenges, its history and the challenge time-out sweep.</summary>
    public static IServiceCollection AddThreeDSecure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(ThreeDsPublicUrl.Read(configuration));
        services.AddSingleton<AuthenticationValues>();
        services.AddSingleton<AccessControlServer>();
        services.AddSingleton<ThreeDsChallenges>();
        services.AddSingleton<ThreeDsHistory>();
        services.AddHostedService<ChallengeTimeoutSweep>();
        return services;
    }
}
