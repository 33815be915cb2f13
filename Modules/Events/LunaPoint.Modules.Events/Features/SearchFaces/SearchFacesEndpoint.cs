using System.Diagnostics;
using System.Globalization;
using LunaPoint.SharedKernel.Errors;
using LunaPoint.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Events.Features;

internal sealed record SearchAnswer(IReadOnlyList<object> Candidates, double TookMs);

internal static class SearchFacesEndpoint
{
    /// <summary>What a client is told to wait when an index is loading or the photo queue is full.</summary>
    public const int RetryAfterSeconds = 2;

    public static void Map(RouteGroupBuilder search) =>
        search.MapPost("/search", async Task<IResult> (HttpRequest request, ISender sender, IOptions<EventSearchOptions> options, CancellationToken ct) =>
            {
                var clock = Stopwatch.StartNew();
                var query = await SearchRequestReader.ReadAsync(request, options.Value.PhotoMaxBytes, ct);
                SearchResult result;
                try
                {
                    result = await sender.Send(query, ct);
                }
                catch (ServiceUnavailableException unavailable)
                {
                    return NotReady(request.HttpContext, unavailable);
                }

                IReadOnlyList<object> candidates = query.Target == SearchTarget.Faces ? result.Faces : result.Events;
                return TypedResults.Json(new SearchAnswer(candidates, Math.Round(clock.Elapsed.TotalMilliseconds, 1)));
            })
            // Searching changes nothing, so Viewers may search (a POST only because a photo is a body).
            .WithMetadata(new AllowViewerChangesAttribute())
            .WithSummary("1:N search, best first: a photo (multipart file photo; the largest face, or faceIndex) or JSON with one of descriptor (base64 of 512 little-endian float32), eventId or faceId; "
                + "target=faces (watchlist faces, one per face and list) or events (with the filters of GET /events: from, to, streamId, listId, matched, ageFrom, ageTo, gender, liveness); limit 1..100 (10); threshold: similarity 0..1 (0)")
            .Produces<SearchAnswer>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    /// <summary>A 503 with Retry-After (the host's error handler would drop the header).</summary>
    public static IResult NotReady(HttpContext context, ServiceUnavailableException unavailable)
    {
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready.", detail: unavailable.Message);
    }
}
