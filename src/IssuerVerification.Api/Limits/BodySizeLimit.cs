namespace IssuerVerification.Api.Limits;

/// <summary>Refuses request bodies over 64 KiB: by Content-Length at once, and by the server's limit for chunked bodies.</summary>
public static class BodySizeLimit
{
    public const long MaxBytes = 64 * 1024;

    public static IApplicationBuilder UseBodySizeLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.ContentLength > MaxBytes)
        {
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        }
        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes;
        }
        await next(context);
    });
}
