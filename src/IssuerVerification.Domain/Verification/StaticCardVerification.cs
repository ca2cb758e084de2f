using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.Crypto;
using IssuerVerification.Domain.Keys;

namespace IssuerVerification.Domain.Verification;

/// <summary>CVV1, CVV2 and iCVV (Visa CVV method; Mastercard CVC1, CVC2, chip CVC): docs/algorithms.md §1.</summary>
public sealed class StaticCardVerification(ICryptoProvider crypto, KeyRing keys, CardResolver cards, VerificationGuard guard, IAuditLog audit, TimeProvider clock)
{
    public async Task<string> GenerateAsync(Pan pan, Expiry expiry, CvvKind kind, string? serviceCode, string client, CancellationToken ct)
    {
        var card = await cards.ResolveAsync(pan, ct);
        CardResolver.RequireActive(card);
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

    private async Task<(KeyHandle Key, string Expiry, string ServiceCode)> InputsAsync(
        CardContext card, Expiry expiry, CvvKind kind, string? serviceCode, CancellationToken ct)
    {
        var slots = card.Range.Keys;
        return kind switch
        {
            CvvKind.Cvv1 => (await keys.HandleAsync(slots.Cvv1, KeyUsage.Cvk, ct), expiry.Yymm, serviceCode!),
            CvvKind.Cvv2 => (await keys.HandleAsync(slots.Cvv2, KeyUsage.Cvk, ct),
                card.Range.Cvv2ExpiryFormat == ExpiryFormat.Mmyy ? expiry.Mmyy : expiry.Yymm, "000"),
            _ => (await keys.HandleAsync(slots.Icvv, KeyUsage.Cvk, ct), expiry.Yymm, "999"),
        };
    }

    private static string Name(CvvKind kind) => kind.ToString().ToLowerInvariant();
}
