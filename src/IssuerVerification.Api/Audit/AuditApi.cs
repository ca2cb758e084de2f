using IssuerVerification.Api.Problems;
using IssuerVerification.Domain.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace IssuerVerification.Api.Audit;

public static class AuditApi
{
    public const int MaxLimit = 500;

    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder admin)
    {
        var audit = admin.MapGroup("/audit").WithTags("Admin: audit");
        audit.MapGet("/", List).WithSummary("Audit records, newest first, filtered and paged")
            .WithName("ListAuditRecords").WithDescription("Records newest first (by id). Filters, each optional and all applied: from (inclusive) and to (exclusive) as ISO 8601 times, client, action, outcome, target, card (the card's fingerprint, 64 hex digits), requestId. limit is 1–500 (default 100); next is the link to the following page (it carries the cursor 'before', the last id of this page), null on the last page. A malformed filter answers 400.");
        audit.MapGet("/integrity", Integrity).WithSummary("Verify every audit chain")
            .WithName("VerifyAuditIntegrity").WithDescription("Recomputes every writer's chain of keyed hashes and answers whether all are intact; if not, names the first broken record (changed, after a missing record, or out of place). Records written before the chain existed are counted as unchained. A broken chain is still a 200 answer with intact false.");
        return admin;
    }

    private static async Task<Results<Ok<AuditPageResponse>, ValidationProblem>> List(
        HttpContext http, AuditTrail trail, CancellationToken ct, DateTime? from = null, DateTime? to = null, string? client = null,
        string? action = null, string? outcome = null, string? target = null, string? card = null, string? requestId = null,
        long? before = null, int limit = 100)
    {
        var errors = new Dictionary<string, string[]>();
        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"1 to {MaxLimit}."];
        }
        var fingerprint = card is { Length: 64 } && card.All(Uri.IsHexDigit) ? Convert.FromHexString(card) : null;
        if (card is not null && fingerprint is null)
        {
            errors["card"] = ["A card fingerprint: 64 hex digits."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, "A filter is invalid.", type: ProblemTypes.Validation, title: "The request is invalid.");
        }
        var records = await trail.FindAsync(new AuditQuery
        {
            From = from?.ToUniversalTime(),
            To = to?.ToUniversalTime(),
            Client = client,
            Action = action,
            Outcome = outcome,
            Target = target,
            CardFingerprint = fingerprint,
            RequestId = requestId,
            Before = before,
            Limit = limit,
        }, ct);
        var next = records.Count == limit
            ? QueryHelpers.AddQueryString(http.Request.Path, http.Request.Query.Where(q => q.Key != "before")
                .Append(new("before", records[^1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            : null;
        return TypedResults.Ok(new AuditPageResponse([.. records.Select(ToResponse)], next));
    }

    private static async Task<Ok<AuditIntegrityResponse>> Integrity(AuditTrail trail, CancellationToken ct)
    {
        var result = await trail.VerifyAsync(ct);
        return TypedResults.Ok(new AuditIntegrityResponse(result.Intact, result.Chains, result.Records, result.Unchained,
            result.FirstBroken is { } b ? new AuditBreakResponse(b.Id, b.Chain, b.Seq, b.Problem) : null));
    }

    private static AuditRecordResponse ToResponse(AuditEntry e) => new(
        e.Id, DateTime.SpecifyKind(e.At, DateTimeKind.Utc), e.RequestId, e.Client, e.Source, e.Action, e.Target,
        e.CardFingerprint is null ? null : Convert.ToHexString(e.CardFingerprint), e.Outcome, e.Reason, e.Chain, e.Seq);
}
