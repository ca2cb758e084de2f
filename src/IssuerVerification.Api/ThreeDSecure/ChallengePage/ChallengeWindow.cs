namespace IssuerVerification.Api.ThreeDSecure.ChallengePage;

/// <summary>EMV <c>challengeWindowSize</c>: 01 250×400, 02 390×400, 03 500×600, 04 600×400, 05 full page.</summary>
public sealed record ChallengeWindow(string Code, int Width, int Height)
{
    public static readonly ChallengeWindow[] All =
    [
        new("01", 250, 400), new("02", 390, 400), new("03", 500, 600), new("04", 600, 400), new("05", 0, 0),
    ];

    public bool IsFullPage => Width == 0;

    /// <summary>Windows 400 pixels high or less get the compact layout, so the code field and the button fit without scrolling.</summary>
    public bool IsCompact => !IsFullPage && Height <= 400;

    public static bool TryParse(string? code, out ChallengeWindow window)
    {
        window = All.FirstOrDefault(w => w.Code == code)!;
        return window is not null;
    }
}
