using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.Crypto;
using IssuerVerification.Domain.Keys;
using IssuerVerification.Domain.Verification;

namespace IssuerVerification.Domain.CardVerification;

/// <summary>Mastercard CVC3 (docs/algorithms.md §3) and Visa dCVV (§4), with ATC replay protection.</summary>
public sealed class DynamicCardVerification(
    IContactlessCodes crypto, KeyRing keys, CardResolver cards, VerificationGuard guard, AtcRules atcRules, IAuditLog audit, TimeProvider clock)
{
    public async Task<(string Cvc3, ushort Ivcvc3)> GenerateCvc3Async(Pan pan, string? psn, Cvc3Source source, uint un, ushort atc, string client, CancellationToken ct)
    {
        var card = await cards.ResolveAsync(pan, ct);
        card.RequireValuesAllowed();
        var (key, cardPsn, ivcvc3) = await Cvc3InputsAsync(card, psn, source, ct);
        var cvc3 = crypto.Cvc3(key, pan.Digits, cardPsn, card.Range.IccDerivation, ivcvc3, un, atc);
        await audit.WriteGeneratedAsync(clock, client, "cvc3.generate", card.Fingerprint, ct);
        return (cvc3, ivcvc3);
    }

    public async Task<VerificationResult> VerifyCvc3Async(Pan pan, string? psn, Cvc3Source source, uint un, ushort atc, string cvc3, string client, CancellationToken ct)
    {
        var card = await cards.ResolveAsync(pan, ct);
        var (key, cardPsn, ivcvc3) = await Cvc3InputsAsync(card, psn, source, ct);
        return await guard.RunAsync(card, "cvc3.verify", client, c => atcRules.VerifyAsync(card.Fingerprint, "cvc3", atc,
            () => cvc3.Length == card.Range.Cvc3Digits && crypto.VerifyCvc3(key, pan.Digits, cardPsn, card.Range.IccDerivation, ivcvc3, un, atc, cvc3), c), ct);
    }

    public async Task<string> GenerateDcvvAsync(Pan pan, Expiry expiry, string serviceCode, ushort atc, string client, CancellationToken ct)
    {
        var card = await cards.ResolveAsync(pan, ct);
        card.RequireValuesAllowed();
        var key = await keys.HandleAsync(card.Range.Keys, KeySlot.Dcvv, ct);
        var dcvv = crypto.Dcvv(key, pan.Digits, card.Range.IccDerivation, expiry.Yymm, serviceCode, atc);
        await audit.WriteGeneratedAsync(clock, client, "dcvv.generate", card.Fingerprint, ct);
        return dcvv;
    }

    public async Task<VerificationResult> VerifyDcvvAsync(Pan pan, Expiry expiry, string serviceCode, ushort atc, string dcvv, string client, CancellationToken ct)
    {
        var card = await cards.ResolveAsync(pan, ct);
        var key = await keys.HandleAsync(card.Range.Keys, KeySlot.Dcvv, ct);
        return await guard.RunAsync(card, "dcvv.verify", client, c => atcRules.VerifyAsync(card.Fingerprint, "dcvv", atc,
            () => crypto.VerifyDcvv(key, pan.Digits, card.Range.IccDerivation, expiry.Yymm, serviceCode, atc, dcvv), c), ct);
    }

    private async Task<(KeyHandle Key, string Psn, ushort Ivcvc3)> Cvc3InputsAsync(CardContext card, string? psn, Cvc3Source source, CancellationToken ct)
    {
        var key = await keys.HandleAsync(card.Range.Keys, KeySlot.Cvc3, ct);
        var cardPsn = psn ?? card.Card?.Psn ?? "00";
        var ivcvc3 = source.Ivcvc3 ?? crypto.Ivcvc3(key, card.Pan.Digits, cardPsn, card.Range.IccDerivation, source.StaticTrack);
        return (key, cardPsn, ivcvc3);
    }
}
