using System.Diagnostics;
using Microsoft.AspNetCore.Http.Json;

namespace LunaPoint.Host.ErrorHandling;

internal static class ErrorHandlingExtensions
{
    public static IServiceCollection AddLunaPointErrorHandling(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= $"{context.HttpContext.Request.Method} {context.HttpContext.Request.Path}";
            context.ProblemDetails.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Malformed JSON and wrong content types become BadHttpRequestException, answered as problem+json
        // by the handler above, in every environment (the default throws only in Development).
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        return services;
    }

    /// <summary>
    /// Exceptions become problem+json; bodiless 4xx/5xx responses get a problem body on /api and an
    /// HTML status page in the console.
    /// </summary>
    public static WebApplication UseLunaPointErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/api"),
            api => api.UseStatusCodePages());
        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments("/api"),
            ui => ui.UseStatusCodePagesWithReExecute("/status/{0}"));
        return app;
    }

    /// <summary>Any /api path no endpoint claims answers 404 problem+json, whatever the method.</summary>
    public static void MapApiNotFound(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapFallback("/api/{**path}", (HttpContext context) => TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Not found.",
                detail: $"There is no API endpoint at {context.Request.Path}. The API reference is at /scalar."))
            .ExcludeFromDescription()
            .AllowAnonymous();
}
