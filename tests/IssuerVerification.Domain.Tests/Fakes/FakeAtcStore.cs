using IssuerVerification.Domain.CardVerification;

namespace IssuerVerification.Domain.Tests.Fakes;

/// <summary>The last accepted ATC per card and application, with the store's rule: above the last and at most maxStep above it.</summary>
internal sealed class FakeAtcStore : IAtcStore
{
    private readonly Dictionary<(string Card, string Application), int> _last = [];

    public int Claims { get; private set; }

    /// <summary>Runs before each claim: a concurrent request that claims first.</summary>
    public Action? BeforeClaim { get; set; }

    public Task<int?> LastAtcAsync(byte[] cardFingerprint, string application, CancellationToken ct) =>
        Task.FromResult(_last.TryGetValue(Key(cardFingerprint, application), out var last) ? last : (int?)null);

    public Task<bool> TryAdvanceAtcAsync(byte[] cardFingerprint, string application, int atc, int maxStep, CancellationToken ct)
    {
        Claims++;
        BeforeClaim?.Invoke();
        var key = Key(cardFingerprint, application);
        if (_last.TryGetValue(key, out var last) && (atc <= last || atc > last + maxStep))
        {
            return Task.FromResult(false);
        }
        _last[key] = atc;
        return Task.FromResult(true);
    }

    public void Advance(byte[] cardFingerprint, string application, int atc) => _last[Key(cardFingerprint, application)] = atc;

    private static (string, string) Key(byte[] card, string application) => (Convert.ToHexString(card), application);
}
