using System.Text;
using IssuerVerification.Domain.Crypto;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace IssuerVerification.Crypto.Tests;

/// <summary>The PKCS#11 provider's session pool under concurrency, and what its keys are in the token.</summary>
public sealed class Pkcs11SessionTests
{
    [Fact]
    public async Task Parallel_operations_through_a_small_pool_all_get_their_own_results()
    {
        using var provider = TestKeys.NewTokenProvider(TestTokens.Shared, maxSessions: 3);
        var cvk = TestKeys.Import(provider, KeyUsage.Cvk, "0123456789ABCDEFFEDCBA9876543210");
        var imk = TestKeys.Import(provider, KeyUsage.ImkCvc3, "01234567899876543210012345678998");
        var seal = provider.GenerateKey(Guid.NewGuid(), "seal", KeyUsage.ResponseSealing, KeyAlgorithm.Aes256);

        // Multi-call operations (CVV: 4 token calls; CVC3: 2 derivations, 3 encryptions, 2 destroys; GCM) interleaved on
        // 3 sessions: a session shared by two of them would fail with CKR_OPERATION_ACTIVE or give a wrong value.
        var results = await Task.WhenAll(Enumerable.Range(0, 400).Select(i => Task.Run(() => (i % 3) switch
        {
            0 => provider.Cvv(cvk, "4123456789012345", "8701", "101") == "561",
            1 => provider.Cvc3(imk, "5123456789012345", "00", IccDerivation.OptionA, 0x11BA, 0x00000899, 0x005E) == "29488",
            _ => provider.Unseal(seal, provider.Seal(seal, Encoding.ASCII.GetBytes($"request {i}"))).SequenceEqual(Encoding.ASCII.GetBytes($"request {i}")),
        })));

        Assert.All(results, Assert.True);
        Assert.Equal(3, provider.SessionPoolSize);
    }

    [Fact]
    public async Task Keys_imported_and_first_used_in_parallel_are_all_created_and_found()
    {
        // SoftHSM2 2.6.1 fails a C_CreateObject that races another thread's creation or search (TokenObjects.Catalogue):
        // each task imports a key, then a fresh provider finds it in the token (a search) while other tasks still create.
        using var provider = TestKeys.NewTokenProvider(TestTokens.Shared);
        using var finder = TestKeys.NewTokenProvider(TestTokens.Shared);
        var results = await Task.WhenAll(Enumerable.Range(0, 120).Select(i => Task.Run(() =>
        {
            var cvk = TestKeys.Import(provider, KeyUsage.Cvk, "0123456789ABCDEFFEDCBA9876543210");
            var hmac = provider.GenerateKey(Guid.NewGuid(), $"fingerprint {i}", KeyUsage.PanFingerprint, KeyAlgorithm.HmacSha256);
            return finder.Cvv(cvk, "4123456789012345", "8701", "101") == "561" && finder.CheckValue(hmac) == hmac.Kcv;
        })));

        Assert.All(results, Assert.True);
    }

    [Fact]
    public void Keys_are_sensitive_unextractable_token_objects_allowed_only_their_usage()
    {
        var provider = TestKeys.TokenProvider;
        var cvk = TestKeys.Import(provider, KeyUsage.Cvk, "0123456789ABCDEFFEDCBA9876543210");
        var imk = provider.GenerateKey(Guid.NewGuid(), "imk", KeyUsage.ImkDcvv, KeyAlgorithm.Tdes2Key);
        var hmac = provider.GenerateKey(Guid.NewGuid(), "fingerprint", KeyUsage.PanFingerprint, KeyAlgorithm.HmacSha256);
        var aes = provider.GenerateKey(Guid.NewGuid(), "pan", KeyUsage.PanEncryption, KeyAlgorithm.Aes256);
        var ec = provider.GenerateKey(Guid.NewGuid(), "signing", KeyUsage.ResultSigning, KeyAlgorithm.EcP256);

        // The store keeps a reference that names the label, not key bytes.
        Assert.Equal("\u0011iv:Cvk:" + cvk.Id.ToString("N"), Encoding.UTF8.GetString(cvk.Wrapped));

        provider.Run(session =>
        {
            AssertObject(session, $"iv:Cvk:{cvk.Id:N}/A", CKO.CKO_SECRET_KEY, CKA.CKA_ENCRYPT);
            AssertObject(session, $"iv:Cvk:{cvk.Id:N}/B", CKO.CKO_SECRET_KEY, CKA.CKA_DECRYPT);
            AssertObject(session, $"iv:ImkDcvv:{imk.Id:N}", CKO.CKO_SECRET_KEY, CKA.CKA_DERIVE);
            AssertObject(session, $"iv:PanFingerprint:{hmac.Id:N}", CKO.CKO_SECRET_KEY, CKA.CKA_SIGN);
            AssertObject(session, $"iv:PanEncryption:{aes.Id:N}", CKO.CKO_SECRET_KEY, CKA.CKA_ENCRYPT, CKA.CKA_DECRYPT);
            AssertObject(session, $"iv:ResultSigning:{ec.Id:N}", CKO.CKO_PRIVATE_KEY, CKA.CKA_SIGN);
            return true;
        });
    }

    [Fact]
    public void A_handle_whose_usage_or_kcv_was_changed_in_the_store_is_refused()
    {
        var provider = TestKeys.TokenProvider;
        var cvk = TestKeys.Import(provider, KeyUsage.Cvk, "0123456789ABCDEFFEDCBA9876543210");
        Assert.Throws<CryptoException>(() => provider.Dcvv2(cvk with { Usage = KeyUsage.Dcvv2 }, "4123456789012345", 1));
        Assert.Throws<CryptoException>(() => provider.Cvv(cvk with { Kcv = "000000", Id = Guid.NewGuid() }, "4123456789012345", "8701", "101"));
        var moved = TestKeys.Import(provider, KeyUsage.Cvk, "0123456789ABCDEFFEDCBA9876543210");
        Assert.Throws<CryptoException>(() => provider.Cvv(moved with { Kcv = "000000" }, "4123456789012345", "8701", "101"));
        Assert.Throws<CryptoException>(() => provider.Cvv(cvk with { Wrapped = moved.Wrapped }, "4123456789012345", "8701", "101"));
    }

    private static readonly CKA[] Usages = [CKA.CKA_ENCRYPT, CKA.CKA_DECRYPT, CKA.CKA_SIGN, CKA.CKA_VERIFY, CKA.CKA_WRAP, CKA.CKA_UNWRAP, CKA.CKA_DERIVE];

    private static void AssertObject(ISession session, string label, CKO objectClass, params CKA[] allowed)
    {
        var factory = new Pkcs11InteropFactories().ObjectAttributeFactory;
        var found = session.FindAllObjects([factory.Create(CKA.CKA_TOKEN, true), factory.Create(CKA.CKA_LABEL, label), factory.Create(CKA.CKA_CLASS, objectClass)]);
        var handle = Assert.Single(found);
        var flags = session.GetAttributeValue(handle, [CKA.CKA_TOKEN, CKA.CKA_SENSITIVE, CKA.CKA_EXTRACTABLE, .. Usages.Where(u => objectClass == CKO.CKO_SECRET_KEY || u is CKA.CKA_SIGN or CKA.CKA_DECRYPT or CKA.CKA_DERIVE)]);
        Assert.True(flags[0].GetValueAsBool(), $"{label} is a token object");
        Assert.True(flags[1].GetValueAsBool(), $"{label} is sensitive");
        Assert.False(flags[2].GetValueAsBool(), $"{label} is not extractable");
        foreach (var attribute in flags.Skip(3))
        {
            Assert.True(attribute.GetValueAsBool() == allowed.Contains((CKA)attribute.Type), $"{label}: {(CKA)attribute.Type}");
        }
        Assert.True(session.GetAttributeValue(handle, [CKA.CKA_VALUE])[0].CannotBeRead, $"{label}: its value cannot be read");
    }
}
