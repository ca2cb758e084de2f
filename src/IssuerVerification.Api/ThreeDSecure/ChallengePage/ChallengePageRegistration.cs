namespace IssuerVerification.Api.ThreeDSecure.ChallengePage;

public static class ChallengePageRegistration
{
    public static IServiceCollection AddChallengePage(this IServiceCollection services) => services.AddSingleton<ChallengeFormToken>();
}
