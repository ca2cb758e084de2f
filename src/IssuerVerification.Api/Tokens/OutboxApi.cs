using IssuerVerification.Api.Auth;
using IssuerVerification.Api.Limits;
using IssuerVerification.Domain.Clients;
using IssuerVerification.Domain.Delivery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IssuerVerification.Api.Tokens;

public static class OutboxApi
{
    /// <summary>The outbox delivery channel's messages, for development and tests (scope admin).</summary>
    public static IEndpointRouteBuilder MapOutbox(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/admin/outbox", List).WithTags("Admin: outbox").RequireScope(Scopes.Admin).RequireRateLimiting(RateLimiting.PerClient)
            .WithSummary("Messages the outbox channel holds for a reference, with their codes")
            .WithName("ListOutboxMessages").WithDescription("reference is what the message belongs to (a token verification id). Codes are purged once the step-up ends; with the webhook channel the outbox stays empty.");
        return routes;
    }

    private static async Task<Ok<OutboxMessageResponse[]>> List(string reference, OutboxDelivery outbox, CancellationToken ct) =>
        TypedResults.Ok((await outbox.ReadAsync(reference, ct))
            .Select(m => new OutboxMessageResponse(m.Message.Id, m.Message.Channel, m.Message.Recipient, m.Message.Purpose, m.Message.Reference, m.Code, m.Message.CreatedAt))
            .ToArray());
}

/// <param name="Recipient">The phone number or email address in clear (development only), or <c>card:{id}</c> for a push.</param>
public sealed record OutboxMessageResponse(Guid Id, string Channel, string Recipient, string Purpose, string Reference, string Code, DateTime CreatedAt);
