using FluentValidation;
using IssuerVerification.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IssuerVerification.Api.Filters;

/// <summary>
/// Validates every argument that has an <see cref="IValidator{T}"/> before the handler runs and answers
/// 400 with the failing fields. Which arguments to validate is worked out once, when the endpoint is built.
/// </summary>
public static class ValidationFilter
{
    public static TBuilder WithValidation<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilterFactory((context, next) =>
        {
            var services = context.ApplicationServices;
            var validated = context.MethodInfo.GetParameters()
                .Select((p, i) => (Index: i, Validator: services.GetService(typeof(IValidator<>).MakeGenericType(p.ParameterType)) as IValidator))
                .Where(v => v.Validator is not null)
                .ToArray();
            if (validated.Length == 0)
            {
                return next;
            }
            return async invocation =>
            {
                var failures = new List<(string Field, string Message)>();
                foreach (var (index, validator) in validated)
                {
                    var argument = invocation.Arguments[index];
                    if (argument is null)
                    {
                        failures.Add(("body", "A JSON body is required."));
                        continue;
                    }
                    var result = await validator!.ValidateAsync(new ValidationContext<object>(argument), invocation.HttpContext.RequestAborted);
                    failures.AddRange(result.Errors.Select(e => (FieldName(e.PropertyName), e.ErrorMessage)));
                }
                return failures.Count == 0 ? await next(invocation) : Invalid(Merge(failures));
            };
        });
        builder.Add(endpoint =>
        {
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails), ["application/problem+json"]));
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status413PayloadTooLarge, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status415UnsupportedMediaType, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
        });
        return builder;
    }

    /// <summary>
    /// One entry per field with all its messages: rules may name the same field differently
    /// (<c>Pan</c> and an overridden <c>pan</c>), which must merge, never collide.
    /// </summary>
    private static Dictionary<string, string[]> Merge(IEnumerable<(string Field, string Message)> failures) =>
        failures.GroupBy(f => f.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.Message).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    /// <summary>The JSON name of a field: <c>Keys.Cvv2</c> → <c>keys.cvv2</c>.</summary>
    private static string FieldName(string path) =>
        string.Join('.', path.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));

    private static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, "One or more fields are invalid.", type: ProblemTypes.Validation, title: "The request is invalid.");
}
