using IssuerVerification.Domain.Tokens;

namespace IssuerVerification.Domain.Tests;

public sealed class StepUpsTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);

    private static TokenVerification Pending(DateTime expiresAt, TokenVerificationStatus status = TokenVerificationStatus.PendingIdv) => new()
    {
        Id = Guid.NewGuid(),
        TokenReference = "tok-1",
        CardFingerprint = [1, 2, 3],
        RequestorId = "requestor",
        Status = status,
        IdvMethods = [new IdvMethod("m1", IdvMethodType.CellPhone, "+1 *** *** 0177")],
        OtpMaxSends = 3,
        ExpiresAt = expiresAt,
    };

    [Fact]
    public void Keeps_the_fixed_fields_of_a_pending_step_up_until_it_expires_or_ends()
    {
        var stepUps = new StepUps();
        var verification = Pending(Now.AddMinutes(10));
        stepUps.Remember(verification, Now);
        var copy = stepUps.Find(verification.Id, Now.AddMinutes(9));
        Assert.Equal((verification.Id, "m1", 3, verification.ExpiresAt), (copy!.Id, copy.IdvMethods[0].Id, copy.OtpMaxSends, copy.ExpiresAt));
        Assert.Null(stepUps.Find(verification.Id, Now.AddMinutes(10)));
        stepUps.Forget(verification.Id);
        Assert.Null(stepUps.Find(verification.Id, Now));
    }

    [Fact]
    public void Keeps_no_step_up_that_is_not_pending()
    {
        var stepUps = new StepUps();
        stepUps.Remember(Pending(Now.AddMinutes(10), TokenVerificationStatus.Approved), Now);
        stepUps.Remember(Pending(Now), Now);
        Assert.Equal(0, stepUps.Count);
    }

    [Fact]
    public void When_full_drops_the_expired_copies_and_keeps_no_more_while_none_expired()
    {
        var stepUps = new StepUps(maxEntries: 2);
        stepUps.Remember(Pending(Now.AddMinutes(1)), Now);
        stepUps.Remember(Pending(Now.AddMinutes(10)), Now);
        var refused = Pending(Now.AddMinutes(10));
        stepUps.Remember(refused, Now);
        Assert.Null(stepUps.Find(refused.Id, Now));
        var later = Pending(Now.AddMinutes(10));
        stepUps.Remember(later, Now.AddMinutes(2));
        Assert.NotNull(stepUps.Find(later.Id, Now.AddMinutes(2)));
        Assert.Equal(2, stepUps.Count);
    }
}
