using System.Reflection;
using IssuerVerification.Api.Filters;
using IssuerVerification.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Api.Tests;

/// <summary>An Idempotency-Key request is identified by its route, its client and its body: never by the services the handler gets.</summary>
public sealed class IdempotencyHashTests
{
    [Fact]
    public async Task The_hashed_argument_of_every_endpoint_with_a_body_is_the_body()
    {
        await using var api = await TestApi.StartAsync(TestStores.Sqlite);
        var services = api.Services.GetRequiredService<IServiceProviderIsService>();
        var endpoints = api.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is not null && e.Metadata.GetMetadata<MethodInfo>() is not null)
            .ToList();

        Assert.Contains(endpoints, e => e.DisplayName!.Contains("/v1/admin/clients", StringComparison.Ordinal));
        foreach (var endpoint in endpoints)
        {
            var handler = endpoint.Metadata.GetMetadata<MethodInfo>()!;
            var body = IdempotencyFilter.BodyParameter(handler, services);
            Assert.True(body >= 0, $"{endpoint.DisplayName}: no body parameter found");
            Assert.Equal(endpoint.Metadata.GetMetadata<IAcceptsMetadata>()!.RequestType, handler.GetParameters()[body].ParameterType);
        }
    }
}
