using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LunaPoint.Host.OpenApi;

/// <summary>
/// Says in the OpenAPI document how to authenticate (a bearer token from POST /api/v1/auth/token, or an
/// API key in X-Api-Key) and which operations need it, with their 401 and 403 problem answers, so the
/// reference UI can authorise its calls and clients know what to expect.
/// </summary>
internal static class OpenApiSecurity
{
    public const string Bearer = "Bearer";

    public const string ApiKey = "ApiKey";

    private const string ProblemSchema = "ProblemDetails";

    public static OpenApiOptions AddLunaPointSecurity(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.AddComponent(Bearer, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "An access token from POST /api/v1/auth/token.",
            });
            document.AddComponent(ApiKey, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "X-Api-Key",
                Description = "An API key created by an administrator (POST /api/v1/api-keys).",
            });
            if (document.Components.Schemas?.ContainsKey(ProblemSchema) != true)
            {
                document.AddComponent(ProblemSchema, ProblemDetailsSchema());
            }

            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (!metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<IAllowAnonymous>().Any())
            {
                return Task.CompletedTask;
            }

            // Two requirements: either scheme alone is enough.
            operation.Security = [Requirement(Bearer, context.Document), Requirement(ApiKey, context.Document)];
            operation.Responses ??= new OpenApiResponses();
            operation.Responses.TryAdd("401", Problem("Not signed in: no valid bearer token or API key.", context.Document));
            operation.Responses.TryAdd("403", Problem("Signed in, but the role may not do this.", context.Document));
            return Task.CompletedTask;
        });
        return options;
    }

    private static OpenApiSecurityRequirement Requirement(string scheme, OpenApiDocument? document) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [] };

    private static OpenApiResponse Problem(string description, OpenApiDocument? document) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
        },
    };

    /// <summary>RFC 9457, plus the trace id every LunaPoint problem carries.</summary>
    private static OpenApiSchema ProblemDetailsSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
        },
    };
}
