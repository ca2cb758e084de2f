using IssuerVerification.Api.Startup;
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
        // Abandoned challenges: not finished 10 minutes after their ARes, they become N/14 with their history record.
        PeriodicSweep.Add(services, "3-D Secure challenge time-out", "ThreeDs:SweepSeconds",
            (sp, ct) => sp.GetRequiredService<ThreeDsChallenges>().TimeOutDueAsync(ct));
        return services;
    }
}
