using System.Buffers.Binary;
using System.Security.Cryptography;
using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.Crypto;
using IssuerVerification.Domain.Keys;

namespace IssuerVerification.Domain.ThreeDSecure;

/// <summary>
/// The 20-byte authentication value of a Y or A: the Visa CAVV under the range's <c>cavv</c> key (docs/algorithms.md §5) or
/// the Mastercard AAV under its <c>aav</c> key (§6). docs/3ds.md lists the inputs this ACS chooses.
/// </summary>
public sealed class AuthenticationValues(IThreeDSecureValues crypto, KeyRing keys)
{
    /// <summary>Second factor codes: 01 a challenge by one-time code, 97 frictionless (risk based), 98 attempts.</summary>
    public const string ChallengeFactor = "01";
    public const string FrictionlessFactor = "97";
    public const string AttemptsFactor = "98";
    public const string KeyIndicator = "01";
    /// <summary>CAVV version 7 (EMV 3DS), authentication action 0.</summary>
    public const byte VersionAction = 0x70;
    public const byte AavAuthenticated = 0x8C;
    public const byte AavAttempts = 0x86;
    public const byte AcsId = 1;
    public const byte BinKeyId = 1;

    public async Task<byte[]> ComputeAsync(Pan pan, CardRange range, string transStatus, bool challenged, string? merchantName, CancellationToken ct)
    {
        var attempted = transStatus == TransStatus.Attempted;
        if (range.Network == Network.Visa)
        {
            var key = await keys.HandleAsync(range.Keys, KeySlot.Cavv, ct);
            var atn = RandomNumberGenerator.GetString("0123456789", 16);
            var factor = attempted ? AttemptsFactor : challenged ? ChallengeFactor : FrictionlessFactor;
            return crypto.VisaCavv(key, new VisaCavvInput(pan.Digits, atn, attempted ? '7' : '0', factor, KeyIndicator, VersionAction, new byte[4]));
        }
        var aavKey = await keys.HandleAsync(range.Keys, KeySlot.Aav, ct);
        // Authentication method: 1 password / one-time code (challenge), 0 none (frictionless, attempts).
        var method = (byte)(challenged && !attempted ? 1 : 0);
        var sequence = BinaryPrimitives.ReadUInt32BigEndian(RandomNumberGenerator.GetBytes(4));
        return crypto.MastercardAav(aavKey, new MastercardAavInput(
            pan.Digits, attempted ? AavAttempts : AavAuthenticated, merchantName ?? "", AcsId, method, BinKeyId, sequence));
    }
}
