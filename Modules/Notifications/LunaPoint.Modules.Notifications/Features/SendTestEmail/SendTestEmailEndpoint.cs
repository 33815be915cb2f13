using LunaPoint.Modules.Auth.Contracts;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Notifications.Features;

internal sealed record SendTestEmailRequest(string? To);

internal static class SendTestEmailEndpoint
{
    public static void Map(RouteGroupBuilder smtp) =>
        smtp.MapPost("/test", async Task<Results<Ok<TestEmailResult>, ProblemHttpResult>> (SendTestEmailRequest body, ISender sender, CancellationToken ct) =>
            {
                var result = await sender.Send(new SendTestEmail(body.To), ct);
                if (result.Sent)
                {
                    return TypedResults.Ok(result);
                }

                // 422: the settings or the address will not work as they are; 502: the server failed us (down, 4xx, login).
                return TypedResults.Problem(
                    title: result.Server is null ? "No SMTP server is configured." : $"The test e-mail was not sent through {result.Server}.",
                    detail: result.Reason,
                    statusCode: result.Permanent ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status502BadGateway);
            })
            .WithSummary("Send a test e-mail now with the SMTP settings in force; a problem says what the server answered")
            .RequireAuthorization(AuthorizationPolicies.Administer)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway);
}
