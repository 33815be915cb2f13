using System.Text.Json.Nodes;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.SharedKernel.Paging;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Streams.Features;

internal static class StreamEndpoints
{
    public static void MapStreamEndpoints(this IEndpointRouteBuilder api)
    {
        var streams = api.MapGroup("/streams").WithTags("Streams");

        streams.MapGet("/", async (ISender sender, CancellationToken ct, string? name, string? type, string? status, bool? enabled, int page = 1, int pageSize = PageRequest.DefaultPageSize) =>
                TypedResults.Ok(await sender.Send(new ListStreams(name, type, status, enabled, page, pageSize), ct)))
            .WithSummary("List streams, filtered by name (contains), type, status and enabled");
        streams.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetStream(id), ct)))
            .WithSummary("Get a stream with its settings and status").ProducesProblem(StatusCodes.Status404NotFound);
        streams.MapGet("/{id:guid}/logs", async (Guid id, ISender sender, CancellationToken ct, int page = 1, int pageSize = PageRequest.DefaultPageSize) =>
                TypedResults.Ok(await sender.Send(new GetStreamLogs(id, page, pageSize), ct)))
            .WithSummary("Status transitions of a stream, newest first, with times and reasons").ProducesProblem(StatusCodes.Status404NotFound);

        var settings = streams.MapGroup("").RequireAuthorization(AuthorizationPolicies.Administer);
        settings.MapPost("/", async (StreamRequest body, ISender sender, CancellationToken ct) =>
            {
                var stream = await sender.Send(new CreateStream(body), ct);
                return TypedResults.Created($"/api/v1/streams/{stream.Id}", stream);
            })
            .WithSummary("Create a stream").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        settings.MapPut("/{id:guid}", async (Guid id, StreamRequest body, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ReplaceStream(id, body), ct)))
            .WithSummary("Replace a stream's settings").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        settings.MapPatch("/{id:guid}", async (Guid id, JsonObject patch, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new PatchStream(id, patch), ct)))
            .Accepts<JsonObject>("application/merge-patch+json", "application/json")
            .WithSummary("Change part of a stream (JSON merge patch)").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        settings.MapDelete("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeleteStream(id), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Delete a stream and its log").ProducesProblem(StatusCodes.Status404NotFound);
        settings.MapPost("/import", async (List<StreamRequest> body, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ImportStreams(body), ct)))
            .WithSummary("Create many streams at once (the JSON of export); all or nothing").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        settings.MapGet("/export", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ExportStreams(), ct)))
            .WithSummary("Every stream's settings, in the form import takes (sources may hold camera credentials)");

        var control = streams.MapGroup("").RequireAuthorization(AuthorizationPolicies.Operate);
        control.MapPost("/{id:guid}/start", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new StartStream(id), ct)))
            .WithSummary("Enable a stream and (re)start its analysis").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        control.MapPost("/{id:guid}/stop", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new StopStream(id), ct)))
            .WithSummary("Stop a stream's analysis and disable it").ProducesProblem(StatusCodes.Status404NotFound);
    }
}
