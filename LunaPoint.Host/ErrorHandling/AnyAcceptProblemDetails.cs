using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace LunaPoint.Host.ErrorHandling;

/// <summary>
/// The framework's problem writer only writes when the Accept header allows JSON; for
/// <c>Accept: text/event-stream</c> or <c>image/png</c> no writer can, so every problem written through
/// <see cref="IProblemDetailsService.WriteAsync"/> (authentication refusals, middleware refusals) threw, a
/// 500, and the status-code pages fell back to plain text. An error is always described the same way
/// whatever the client hoped to receive: when no writer takes it, this writes application/problem+json
/// itself, with the same customization (type, instance, trace id) as every other problem.
/// </summary>
internal sealed class AnyAcceptProblemDetailsService(
    IProblemDetailsService inner, IOptions<ProblemDetailsOptions> options, IOptions<JsonOptions> json) : IProblemDetailsService
{
    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        if (!await TryWriteAsync(context))
        {
            // Only a response already started (or not an error) gets here: nothing can be written any more.
            throw new InvalidOperationException("The problem could not be written: the response has already started or is not an error.");
        }
    }

    public async ValueTask<bool> TryWriteAsync(ProblemDetailsContext context)
    {
        if (await inner.TryWriteAsync(context))
        {
            return true;
        }

        var response = context.HttpContext.Response;
        if (response.HasStarted || response.StatusCode < StatusCodes.Status400BadRequest)
        {
            return false;
        }

        var problem = context.ProblemDetails;
        problem.Status ??= response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value) is { Length: > 0 } phrase ? phrase : null;
        options.Value.CustomizeProblemDetails?.Invoke(context);
        await response.WriteAsJsonAsync(problem, problem.GetType(), json.Value.SerializerOptions, "application/problem+json", context.HttpContext.RequestAborted);
        return true;
    }

    /// <summary>Wraps the registered service (AddProblemDetails must have run).</summary>
    public static IServiceCollection Decorate(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IProblemDetailsService));
        services.Remove(registered);
        services.AddSingleton<IProblemDetailsService>(sp => new AnyAcceptProblemDetailsService(
            Create(sp, registered), sp.GetRequiredService<IOptions<ProblemDetailsOptions>>(), sp.GetRequiredService<IOptions<JsonOptions>>()));
        return services;
    }

    private static IProblemDetailsService Create(IServiceProvider services, ServiceDescriptor registered) =>
        (IProblemDetailsService)(registered.ImplementationInstance
            ?? registered.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, registered.ImplementationType!));
}
