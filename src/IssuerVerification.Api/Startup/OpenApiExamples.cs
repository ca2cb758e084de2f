using System.Text.Json;
using System.Text.Json.Nodes;
using IssuerVerification.Api.Admin;
using IssuerVerification.Api.Audit;
using IssuerVerification.Api.CardVerification;
using IssuerVerification.Api.Dcvv2;
using IssuerVerification.Api.Health;
using IssuerVerification.Api.Json;
using IssuerVerification.Api.Problems;
using IssuerVerification.Api.Signing;
using IssuerVerification.Api.ThreeDSecure;
using IssuerVerification.Api.Tokens;
using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.CardVerification;
using IssuerVerification.Domain.Crypto;
using IssuerVerification.Domain.Tokens;
using IssuerVerification.Domain.Verification;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace IssuerVerification.Api.Startup;

/// <summary>
/// One example per request and response type, shown by Swagger UI and checked by OpenApiTests. They use the demo data
/// (README), so the request examples work as they are against <c>dotnet run</c>. A new contract type gets one line here.
/// </summary>
internal sealed class OpenApiExamples : ISchemaFilter
{
    private static readonly DateTimeOffset Window = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTime Created = new(2026, 11, 22, 23, 41, 19, DateTimeKind.Utc);
    private static readonly Guid Id = new("5b057e08-d043-4ebd-b99c-7e9e54f1daf1");

    private static readonly Dictionary<Type, object> Examples = new()
    {
        [typeof(CvvGenerateRequest)] = new CvvGenerateRequest("4444333322221111", "9911", CvvKind.Cvv2),
        [typeof(CvvGenerateResponse)] = new CvvGenerateResponse("114"),
        [typeof(CvvVerifyRequest)] = new CvvVerifyRequest("4444333322221111", "9911", CvvKind.Cvv2, "114"),
        [typeof(VerifyResponse)] = new VerifyResponse(VerificationOutcome.Match, null),
        [typeof(Cvc3GenerateRequest)] = new Cvc3GenerateRequest("5392692002902681", "00000899", "005E", Psn: "01", Ivcvc3: "8342"),
        [typeof(Cvc3GenerateResponse)] = new Cvc3GenerateResponse("63807", "8342"),
        [typeof(Cvc3VerifyRequest)] = new Cvc3VerifyRequest("5392692002902681", "00000899", "005E", "807", Psn: "01", Ivcvc3: "8342"),
        [typeof(DcvvGenerateRequest)] = new DcvvGenerateRequest("4444333322221111", "9911", "101", "0001"),
        [typeof(DcvvGenerateResponse)] = new DcvvGenerateResponse("421"),
        [typeof(DcvvVerifyRequest)] = new DcvvVerifyRequest("4444333322221111", "9911", "101", "0001", "421"),
        [typeof(Dcvv2GenerateRequest)] = new Dcvv2GenerateRequest(3, Pan: "4444333322221111"),
        [typeof(Dcvv2GenerateResponse)] = new Dcvv2GenerateResponse("444433******1111", 60, [new("663", Window, Window.AddHours(1))]),
        [typeof(Dcvv2VerifyRequest)] = new Dcvv2VerifyRequest("4444333322221111", "663"),
        [typeof(Dcvv2VerifyResponse)] = new Dcvv2VerifyResponse(VerificationOutcome.Match, null, Window, Window.AddHours(1)),
        [typeof(CreateKeyRequest)] = new object[]
        {
            new CreateKeyRequest("doc-cvk", KeyUsage.Cvk, Components: ["0123456789ABCDEFFEDCBA9876543210"]),
            new CreateKeyRequest("doc-zmk", KeyUsage.Kek, KeyAlgorithmName.Aes256, Exportable: false),
            new CreateKeyRequest("doc-cvk-from-hsm", KeyUsage.Cvk, KekAlias: "doc-zmk",
                KeyBlock: "D0112C0TC00N00007907D3F7E8F34825636B834D28771583C0347E0E012B652C16D6264DC8ADA34C6A1778D6204DBF2CB68070AF4F7E5672"),
            new CreateKeyRequest("doc-cvk-from-zmk", KeyUsage.Cvk, KekAlias: "doc-tdes-zmk", Cryptogram: "C64C99D72A80285188CA9C10282B7F16", Kcv: "08D7B4"),
        },
        [typeof(KeyResponse)] = new KeyResponse(Id, "doc-cvk", KeyUsage.Cvk, KeyAlgorithmName.Tdes2Key, "08D7B4", "active", Created, false, false),
        [typeof(ExportKeyRequest)] = new ExportKeyRequest("doc-zmk"),
        [typeof(ExportKeyResponse)] = new ExportKeyResponse(
            "D0112C0TC00N00007907D3F7E8F34825636B834D28771583C0347E0E012B652C16D6264DC8ADA34C6A1778D6204DBF2CB68070AF4F7E5672", "08D7B4"),
        [typeof(OpenKeyCeremonyRequest)] = new OpenKeyCeremonyRequest("cvk-visa-2027", KeyUsage.Cvk, 2),
        [typeof(KeyCeremonyResponse)] = Ceremony("open", [], null),
        [typeof(SubmitComponentRequest)] = new SubmitComponentRequest("0123456789ABCDEF0123456789ABCDEF"),
        [typeof(ComponentSubmittedResponse)] = new ComponentSubmittedResponse("D5D44F", Ceremony("open", [new("custodian-ana", "D5D44F", Created.AddMinutes(5))], null)),
        [typeof(RewrapResponse)] = new RewrapResponse(6),
        [typeof(CreateCardRangeRequest)] = new CreateCardRangeRequest("412345", Network.Visa, Keys("demo-cvk")),
        [typeof(CardRangeResponse)] = new CardRangeResponse(Id, "412345", Network.Visa, Keys("demo-cvk"), new(60, 300, false),
            ExpiryFormatName.Yymm, new(5, 30), new(5000, 3), IccDerivation.OptionB, 3, false, Created, new(80, 40, 3, 3, 10)),
        [typeof(RegisterCardRequest)] = new RegisterCardRequest("4123450000001231", "3012", Cardholder: new("ANA DOC")),
        [typeof(UpdateCardRequest)] = new UpdateCardRequest(CardStatus.Blocked),
        [typeof(CardResponse)] = new CardResponse(Id, "412345******1231", "3012", "00", CardStatus.Active, new("ANA DOC", null, null, false), Created),
        [typeof(CreateClientRequest)] = new CreateClientRequest("checkout", ["card:verify"]),
        [typeof(CreateClientResponse)] = new CreateClientResponse(Id, "checkout", ["card:verify"], "ivk_s27iS3ssExampleOnly"),
        [typeof(ClientResponse)] = new ClientResponse(Id, "checkout", ["card:verify"], Created, null, null),
        [typeof(RotateKeyRequest)] = new RotateKeyRequest(60),
        [typeof(RotateKeyResponse)] = new RotateKeyResponse(Id, "checkout", ["card:verify"], "ivk_Qm1vRotatedExampleOnly", Created.AddHours(1)),
        [typeof(UpdateCardRangeRequest)] = new UpdateCardRangeRequest(Lockout: new(MaxFailures: 3)),
        [typeof(AuditPageResponse)] = new AuditPageResponse(
            [new(1042, Created, "0HNH4S1VQ6G7K:00000003", "bootstrap-admin", "10.0.0.7", "RetireKey", "alias=doc-cvk", null, AuditOutcomes.Changed, null, "3f0c9a6e52d84b1c9e2f7a10b5d4c8e1", 17)],
            "/v1/admin/audit?limit=1&before=1042"),
        [typeof(AuditIntegrityResponse)] = new AuditIntegrityResponse(false, 3, 1041, 0,
            new AuditBreakResponse(977, "3f0c9a6e52d84b1c9e2f7a10b5d4c8e1", 12, "The record was changed, moved or not written by this service: its seal does not verify.")),
        [typeof(CreateTokenVerificationRequest)] = new CreateTokenVerificationRequest(TokenRequestType.DeviceBinding, Network.Visa, "DNITHE302211000000000001",
            new("40010075001", "Demo Shop", "MERCHANT-1"), Pan: "4444333322221111", Device: new("device-7f3a", "Sarah's phone", "mobile_phone"),
            Risk: new(55, RiskRecommendation.Approve)),
        [typeof(TokenVerificationResponse)] = new TokenVerificationResponse(Id, TokenDecision.Yellow, TokenVerificationStatus.PendingIdv,
            [TokenReasons.MediumRiskScore], [new("m1", IdvMethodType.CellPhone, "+*******0100"), new("m2", IdvMethodType.Email, "s****@example.com"),
            new("m3", IdvMethodType.BankApp, IdvMethods.BankAppValue)], Created.AddMinutes(10)),
        [typeof(SendOtpRequest)] = new SendOtpRequest("m1"),
        [typeof(SendOtpResponse)] = new SendOtpResponse(Created.AddMinutes(10)),
        [typeof(VerifyOtpRequest)] = new VerifyOtpRequest("246810"),
        [typeof(VerifyOtpResponse)] = new VerifyOtpResponse(TokenVerificationStatus.Verified, 3),
        [typeof(AppDecisionRequest)] = new AppDecisionRequest(true),
        [typeof(AppDecisionResponse)] = new AppDecisionResponse(TokenVerificationStatus.Verified),
        [typeof(TokenBindingResponse)] = new TokenBindingResponse("device-7f3a", null, Created, Id),
        [typeof(OutboxMessageResponse)] = new OutboxMessageResponse(Id, "cell_phone", "+15555550100", TokenVerificationService.Purpose, Id.ToString(), "246810", Created),
        [typeof(JwksResponse)] = new JwksResponse([new Dictionary<string, string>
        {
            ["kty"] = "EC", ["crv"] = "P-256", ["x"] = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", ["y"] = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0",
            ["kid"] = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", ["alg"] = "ES256", ["use"] = "sig",
        }]),
        [typeof(TokenVerificationSettingsDto)] = new TokenVerificationSettingsDto(80, 40, 3, 3, 10),
        [typeof(AuthenticationRequestMessage)] = new AuthenticationRequestMessage
        {
            MessageType = "AReq",
            MessageVersion = "2.2.0",
            ThreeDSServerTransID = "8a880dc0-d2d2-4067-bcb1-b08d1690b26e",
            DsTransID = "f25084f0-5b16-4c0a-ae5d-b24808a95e4b",
            DeviceChannel = "02",
            MessageCategory = "01",
            AcctNumber = "4444333322221111",
            CardExpiryDate = "9911",
            PurchaseAmount = "1999",
            PurchaseCurrency = "978",
            PurchaseExponent = "2",
            MerchantName = "Example Shop",
            Mcc = "5411",
            AcquirerBIN = "400551",
            AcquirerMerchantID = "SHOP-0001",
            ThreeDSRequestorChallengeInd = "01",
            NotificationURL = "https://merchant.example/3ds/notify",
        },
        [typeof(AuthenticationResponseMessage)] = new AuthenticationResponseMessage("ARes", "2.2.0", "8a880dc0-d2d2-4067-bcb1-b08d1690b26e",
            "f25084f0-5b16-4c0a-ae5d-b24808a95e4b", Id, "Y", null, "05", "AJcBMDI0NjI1MDAwMjYzNjg0NjI1cAAAAAA=", null, null, null, true, true),
        [typeof(ChallengeRequestMessage)] = new ChallengeRequestMessage(ChallengeDataEntry: "246810"),
        [typeof(ChallengeResponseMessage)] = new ChallengeResponseMessage("CRes", "2.2.0", "8a880dc0-d2d2-4067-bcb1-b08d1690b26e", Id, "Y", "Y", null, 3, 2),
        [typeof(AuthenticationResultResponse)] = new AuthenticationResultResponse(Id, "8a880dc0-d2d2-4067-bcb1-b08d1690b26e", "Y", null, "05",
            "AJcBMDI0NjI1MDAwMjYzNjg0NjI1cAAAAAA=", true, true, Created, Created,
            "eyJhbGciOiJFUzI1NiIsImtpZCI6Ik56YkxzWGg4dURDY2QtNk1Od1hGNFdfN25vV1hGWkFmSGt4WnNSR0M5WHMifQ.eyJ0cmFuc1N0YXR1cyI6IlkifQ.c2lnbmF0dXJl"),
        [typeof(CavvVerifyRequest)] = new CavvVerifyRequest("4444333322221111", "AJcBMDI0NjI1MDAwMjYzNjg0NjI1cAAAAAA="),
        [typeof(HistoryPageResponse)] = new HistoryPageResponse([HistoryItem], 1, 50, 1),
        [typeof(HistoryRecordResponse)] = new HistoryRecordResponse(HistoryItem, "visa",
        [
            new HistoryMessageResponse("AReq", Created, new Dictionary<string, string?> { ["messageVersion"] = "2.2.0", ["acctNumber"] = "444433******1111", ["purchaseAmount"] = "1999" }),
            new HistoryMessageResponse("ARes", Created, new Dictionary<string, string?> { ["transStatus"] = "Y", ["eci"] = "05" }),
            new HistoryMessageResponse("Result", Created, new Dictionary<string, string?> { ["transStatus"] = "Y", ["eci"] = "05" }),
        ]),
        [typeof(HistoryIntegrityResponse)] = new HistoryIntegrityResponse(1042, null),
        [typeof(RotateSigningKeyResponse)] = new RotateSigningKeyResponse("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", new Dictionary<string, string>
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["x"] = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
            ["y"] = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0",
            ["kid"] = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs",
            ["alg"] = "ES256",
            ["use"] = "sig",
        }, Created.AddDays(30)),
        [typeof(HealthResponse)] = new HealthResponse("ready"),
        [typeof(HttpValidationProblemDetails)] = new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["pan"] = ["12 to 19 digits that pass the Luhn check."] })
        { Type = ProblemTypes.Validation, Title = "The request is invalid.", Status = 400, Detail = "One or more fields are invalid." },
        [typeof(Microsoft.AspNetCore.Mvc.ProblemDetails)] = new Microsoft.AspNetCore.Mvc.ProblemDetails
        { Type = ProblemTypes.For("no-card-range"), Title = "No card range", Status = 422, Detail = "No card range is configured for 411111******1111." },
    };

    private static HistoryItemResponse HistoryItem => new(Id, "444433******1111", "Y", null, "05", 1999, "978", 2, "Example Shop", "02", "01", Created, Created);

    private static readonly JsonSerializerOptions Json = CreateJson();

    public static bool Has(Type type) => Examples.ContainsKey(type);

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is OpenApiSchema editable && Examples.TryGetValue(context.Type, out var example))
        {
            // Several examples for a type with several forms (the key create: components, generated, key block, cryptogram).
            // OpenAPI 3.0 has one `example` a schema: the first form; the others go to x-jsonschema-examples.
            var nodes = example is object[] forms
                ? forms.Select(form => JsonSerializer.SerializeToNode(form, context.Type, Json)!).ToList()
                : [JsonSerializer.SerializeToNode(example, context.Type, Json)!];
            editable.Example = nodes[0];
            if (nodes.Count > 1)
            {
                editable.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                editable.Extensions["x-jsonschema-examples"] = new JsonNodeExtension(new JsonArray([.. nodes.Skip(1)]));
            }
        }
    }

    private static KeyCeremonyResponse Ceremony(string status, CeremonyComponentResponse[] components, string? kcv) => new(
        Id, "cvk-visa-2027", KeyUsage.Cvk, KeyAlgorithmName.Tdes2Key, 2, status, components, "bootstrap-admin", Created, Created.AddHours(24), null, kcv);

    private static RangeKeysDto Keys(string cvk) => new() { ["cvv1"] = cvk, ["cvv2"] = cvk, ["icvv"] = cvk, ["dcvv2"] = "demo-dcvv2" };

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JsonSetup.Configure(options);
        return options;
    }
}
