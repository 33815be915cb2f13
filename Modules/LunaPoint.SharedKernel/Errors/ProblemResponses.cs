using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.SharedKernel.Errors;

/// <summary>
/// Writes a problem+json answer from middleware and authentication events, where there is no exception
/// to hand the host's exception handler. Same shape (and trace id) as every other error.
/// </summary>
public static class ProblemResponses
{
    public static Task WriteProblemAsync(this HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}
