using IssuerVerification.Api.Admin;
using IssuerVerification.Api.Audit;
using IssuerVerification.Api.CardVerification;
using IssuerVerification.Api.Dcvv2;
using IssuerVerification.Api.Health;
using IssuerVerification.Api.Limits;
using IssuerVerification.Api.Logging;
using IssuerVerification.Api.Signing;
using IssuerVerification.Api.Startup;
using IssuerVerification.Api.ThreeDSecure;
using IssuerVerification.Api.ThreeDSecure.ChallengePage;
using IssuerVerification.Api.Tokens;

if (args is [HealthProbe.Argument])
{
    return await HealthProbe.RunAsync();
}
if (args is [KeyMoveCommand.Argument, .. var settings])
{
    return await KeyMoveCommand.RunAsync(settings);
}

var builder = WebApplication.CreateBuilder(args);
// Secrets as files (compose and Kubernetes secrets): a file named Crypto__MasterKey holds Crypto:MasterKey (docs/operations.md).
builder.Configuration.AddKeyPerFile(builder.Configuration["SecretsDirectory"] ?? "/run/secrets", optional: true);

builder.Logging.ClearProviders();
builder.Logging.AddConsole(o => o.FormatterName = RedactingConsoleFormatter.Name).AddConsoleFormatter<RedactingConsoleFormatter, Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions>();
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = BodySizeLimit.MaxBytes);

try
{
    builder.Services.AddIssuerServices(builder.Configuration, builder.Environment);
}
catch (InvalidOperationException e)
{
    // A setting the operator must fix (StartupFailure, or a settings reader's message): one line, no stack trace.
    return StartupFailure.Report(e);
}
builder.Services.AddIssuerOpenApi();

var app = builder.Build();

// Outermost, so the access log carries the status actually sent, problems included.
app.UseHttpLogging();
app.UseAuditContext();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseBodySizeLimit();
// Before authorization: the fallback policy (an authenticated client) covers requests that reach no endpoint too.
// Off outside Development unless Swagger:Enabled; the UI never keeps the API key in the browser.
if (SwaggerSettings.Enabled(app.Configuration, app.Environment))
{
    app.UseSwagger();
    app.UseSwaggerUI();
}
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();

app.MapHealth();
app.MapMetrics();
app.MapAdmin();
app.MapCardVerification();
app.MapDcvv2();
app.MapTokenVerification();
app.MapThreeDSecure();
app.MapThreeDsHistory();
app.MapOutbox();
app.MapJwks();
app.MapSigningKeys();
app.MapChallengePage();

try
{
    await app.Services.GetRequiredService<StoreInitializer>().TryInitializeAsync(app.Lifetime.ApplicationStopping);
}
catch (StartupFailure failure)
{
    await app.DisposeAsync(); // the log lines written so far reach the console
    return StartupFailure.Report(failure);
}
await app.RunAsync();
return Environment.ExitCode; // set when initialisation retried in the background ends in a StartupFailure

/// <summary>The entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
