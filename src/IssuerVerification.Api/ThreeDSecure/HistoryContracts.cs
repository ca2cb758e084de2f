using FluentValidation;
using IssuerVerification.Api.Validation;
using IssuerVerification.Domain.ThreeDSecure;

namespace IssuerVerification.Api.ThreeDSecure;

/// <summary>History filters: <c>from</c> (inclusive) and <c>to</c> (exclusive) on the creation time, the BIN (first 6 digits),
/// the last 4 digits, the status; <c>page</c> from 1, <c>pageSize</c> 1–200 (50 by default).</summary>
public sealed record HistoryQueryParameters(DateTime? From = null, DateTime? To = null, string? Bin = null, string? Last4 = null,
    string? TransStatus = null, int? Page = null, int? PageSize = null)
{
    public const int DefaultPageSize = 50;

    public HistoryQuery ToQuery() => new(From?.ToUniversalTime(), To?.ToUniversalTime(), Bin, Last4, TransStatus, Page ?? 1, PageSize ?? DefaultPageSize);
}

internal sealed class HistoryQueryParametersValidator : AbstractValidator<HistoryQueryParameters>
{
    public HistoryQueryParametersValidator()
    {
        RuleFor(q => q.Bin).MustBeDigits(6, 6).When(q => q.Bin is not null);
        RuleFor(q => q.Last4).MustBeDigits(4, 4).When(q => q.Last4 is not null);
        RuleFor(q => q.TransStatus).Must(s => s is "Y" or "N" or "U" or "A" or "R").When(q => q.TransStatus is not null)
            .WithMessage("One of Y, N, U, A, R.");
        RuleFor(q => q.Page).InclusiveBetween(1, int.MaxValue / ThreeDsHistory.MaxPageSize).When(q => q.Page is not null);
        RuleFor(q => q.PageSize).InclusiveBetween(1, ThreeDsHistory.MaxPageSize).When(q => q.PageSize is not null);
        RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q.From is not null && q.To is not null);
    }
}

/// <param name="Amount">Minor units of <c>currency</c> (ISO 4217 numeric) with <c>exponent</c> decimals; null on non-payment.</param>
public sealed record HistoryItemResponse(
    Guid AcsTransID, string MaskedPan, string TransStatus, string? TransStatusReason, string? Eci, long? Amount, string? Currency,
    int? Exponent, string? MerchantName, string DeviceChannel, string MessageCategory, DateTime CreatedAt, DateTime CompletedAt)
{
    public static HistoryItemResponse Of(ThreeDsHistoryRecord r) => new(
        r.AcsTransId, r.MaskedPan, r.TransStatus, r.TransStatusReason, r.Eci, r.Amount, r.Currency, r.Exponent, r.MerchantName,
        ((int)r.Channel).ToString("D2", System.Globalization.CultureInfo.InvariantCulture),
        ((int)r.Category).ToString("D2", System.Globalization.CultureInfo.InvariantCulture), r.CreatedAt, r.CompletedAt);
}

public sealed record HistoryPageResponse(IReadOnlyList<HistoryItemResponse> Items, int Page, int PageSize, long Total);

/// <summary>One step of the message trace: AReq, ARes, CReq, CRes or Result, with its elements (PAN masked, no code, no value).</summary>
public sealed record HistoryMessageResponse(string Type, DateTime At, IReadOnlyDictionary<string, string?> Fields);

public sealed record HistoryRecordResponse(HistoryItemResponse Record, string Network, IReadOnlyList<HistoryMessageResponse> Trace)
{
    public static HistoryRecordResponse Of(ThreeDsHistoryRecord r) => new(HistoryItemResponse.Of(r), r.Network.ToString().ToLowerInvariant(),
        [.. r.Trace.Select(m => new HistoryMessageResponse(m.Type, m.At, m.Fields))]);
}

/// <param name="Records">Records checked (those purged under retention are not: each chain starts at its checkpoint).</param>
/// <param name="FirstBroken">The acsTransID of the first record that breaks its chain (changed, or after a missing record); null when intact.</param>
public sealed record HistoryIntegrityResponse(long Records, Guid? FirstBroken);
