using LunaPoint.SharedKernel.Errors;
using System.Diagnostics;

namespace LunaPoint.Host.ErrorHandling;

internal static class ErrorHandlingExtensions
{
    public static IServiceCollection AddLunaPointErrorHandling(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= $"{context.HttpContext.Request.Method} {context.HttpContext.Request.Path}";
            context.ProblemDetails.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
            // The framework knows a type link for common codes only (429 has none); every problem gets one.
            context.ProblemDetails.Type ??= ProblemTypes.For(context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode);
        });
        AnyAcceptProblemDetailsService.Decorate(services);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Malformed JSON and wrong content types become BadHttpRequestException, answered as problem+json
        // by the handler above, in every environment (the default throws only in Development).
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddLunaPointJsonInput();
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
        app.UseRequestTextGuard();
        app.UseJsonBodyGuard();
        return app;
    }

    /// <summary>
    /// Routing's own refusals on /api answer at once, before authentication, the same for everyone: a
    /// path no endpoint claims is 404 problem+json; a known path with the wrong method or content type
    /// keeps routing's 405/415 (the status-code pages give it a problem body). A catch-all route would
    /// have turned those into 404s.
    /// </summary>
    public static void UseApiRoutingErrors(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            var endpoint = context.GetEndpoint();
            var isApi = context.Request.Path.StartsWithSegments("/api");
            if (isApi && endpoint is null)
            {
                await context.WriteProblemAsync(
                    StatusCodes.Status404NotFound,
                    "Not found.",
                    $"There is no API endpoint at {context.Request.Path}. The API reference is at /scalar.");
            }
            else if (isApi && endpoint?.DisplayName is { } name && IsRoutingRejection(name))
            {
                // Routing's own 405/415 endpoint: it sets the status; the status-code pages add the body.
                await endpoint.RequestDelegate!(context);
            }
            else
            {
                await next(context);
            }
        });

    private static bool IsRoutingRejection(string displayName) =>
        displayName.StartsWith("405 HTTP ", StringComparison.Ordinal) || displayName.StartsWith("415 HTTP ", StringComparison.Ordinal);
}
