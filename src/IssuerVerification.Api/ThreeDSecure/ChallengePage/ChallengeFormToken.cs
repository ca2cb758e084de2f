using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IssuerVerification.Domain.Keys;

namespace IssuerVerification.Api.ThreeDSecure.ChallengePage;

/// <summary>
/// The anti-forgery token the challenge form carries in a hidden field (the page runs in a cross-site iframe, where
/// browsers drop third-party cookies, so there is no cookie to pair it with): a keyed hash, under the SecretHashing system
/// key, of the transaction and the step the form was rendered for. A form for another transaction, or an old form of
/// this one, does not verify; the comparison is constant-time.
/// </summary>
public sealed class ChallengeFormToken(SecretHasher hasher)
{
    public async Task<string> IssueAsync(Guid acsTransId, int step, CancellationToken ct) =>
        Base64Url.EncodeToString(await MacAsync(acsTransId, step, ct));

    public async Task<bool> VerifyAsync(Guid acsTransId, int step, string? token, CancellationToken ct)
    {
        var expected = await MacAsync(acsTransId, step, ct);
        var given = new byte[expected.Length];
        return token is { Length: 43 }
            && Base64Url.DecodeFromChars(token, given, out _, out var written) == System.Buffers.OperationStatus.Done
            && CryptographicOperations.FixedTimeEquals(given.AsSpan(0, written), expected);
    }

    private Task<byte[]> MacAsync(Guid acsTransId, int step, CancellationToken ct) =>
        hasher.HashAsync(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"3ds-challenge-form\n{acsTransId:D}\n{step}")), ct);
}
