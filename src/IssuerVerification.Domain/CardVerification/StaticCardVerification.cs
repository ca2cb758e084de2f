using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.Crypto;
using IssuerVerification.Domain.Keys;
using IssuerVerification.Domain.Verification;

namespace IssuerVerification.Domain.CardVerification;

/// <summary>CVV1, CVV2 and iCVV (Visa CVV method; Mastercard CVC1, CVC2, chip CVC): docs/algorithms.md §1.</summary>
public sealed class StaticCardVerification(ICardCodes crypto, KeyRing keys, CardResolver cards, VerificationGuard guard, IAuditLog audit, TimeProvider clock)
{
    public async Task<string> GenerateAsync(Pan pan, Expiry expiry, CvvKind kind, string? serviceCode, string client, CancellationToken ct)
    {
        var card = await cards.ResolveAsync(pan, ct);
        card.RequireValuesAllowed();
        var (key, exp, sc) = await InputsAsync(card, expiry, kind, serviceCode, ct);
        var value = crypto.Cvv(key, pan.Digits, exp, sc);
        await audit.WriteGeneratedAsync(clock, client, $"{Name(kind)}.generate", card.Fingerprint, ct);
        return value;
    }

    public async Task<VerificationResult> VerifyAsync(Pan pan, Expiry expiry, CvvKind kind, string? serviceCode, string value, string client, CancellationToken ct)
    {
        var card = await cards.ResolveAsync(pan, ct);
        var (key, exp, sc) = await InputsAsync(card, expiry, kind, serviceCode, ct);
        return await guard.RunAsync(card, $"{Name(kind)}.verify", client, _ => Task.FromResult(
            crypto.VerifyCvv(key, pan.Digits, exp, sc, value) ? VerificationResult.Matched : VerificationResult.NoMatch(MismatchReason.ValueMismatch)), ct);
    }

    /// <summary>The key, expiry layout and service code of each kind: CVV2 uses 000, iCVV 999, CVV1 the card's own.</summary>
    private async Task<(KeyHandle Key, string Expiry, string ServiceCode)> InputsAsync(
        CardContext card, Expiry expiry, CvvKind kind, string? serviceCode, CancellationToken ct) => kind switch
        {
            CvvKind.Cvv1 => (await keys.HandleAsync(card.Range.Keys, KeySlot.Cvv1, ct), expiry.Yymm, serviceCode!),
            CvvKind.Cvv2 => (await keys.HandleAsync(card.Range.Keys, KeySlot.Cvv2, ct),
                card.Range.Cvv2ExpiryFormat == ExpiryFormat.Mmyy ? expiry.Mmyy : expiry.Yymm, "000"),
            _ => (await keys.HandleAsync(card.Range.Keys, KeySlot.Icvv, ct), expiry.Yymm, "999"),
        };

    private static string Name(CvvKind kind) => kind.ToString().ToLowerInvariant();
}
