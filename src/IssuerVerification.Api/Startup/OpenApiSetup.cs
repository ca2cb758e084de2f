using IssuerVerification.Api.Auth;
using Microsoft.OpenApi;

namespace IssuerVerification.Api.Startup;

internal static class OpenApiSetup
{
    public static IServiceCollection AddIssuerOpenApi(this IServiceCollection services) => services
        .AddEndpointsApiExplorer()
        .AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "IssuerVerification API",
                Version = "v1",
                Description = "Card verification (CVV, CVC3, dCVV) and dynamic CVV2 services for a card issuer; token verification and a 3-D Secure ACS are planned.",
            });
            options.AddSecurityDefinition(ApiKeyAuthenticationHandler.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.HeaderName,
                Description = "The client's API key.",
            });
            options.OperationFilter<ApiKeySecurityFilter>();
            options.OperationFilter<ProblemResponsesFilter>();
            foreach (var xml in Directory.GetFiles(AppContext.BaseDirectory, "IssuerVerification.*.xml"))
            {
                options.IncludeXmlComments(xml);
            }
            options.SupportNonNullableReferenceTypes();
            options.NonNullableReferenceTypesAsRequired();
            options.SchemaFilter<KeySchemaFilter>();
            options.SchemaFilter<OpenApiExamples>();
            // A $ref cannot carry nullable in OpenAPI 3.0: wrapped in allOf, a nullable enum or object says so (`reason` is null on a match).
            options.UseAllOfToExtendReferenceSchemas();
            options.CustomSchemaIds(t => t.Name.Replace("Dto", "", StringComparison.Ordinal));
        });
}
