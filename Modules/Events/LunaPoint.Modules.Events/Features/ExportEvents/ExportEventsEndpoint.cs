using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace LunaPoint.Modules.Events.Features;

internal static class ExportEventsEndpoint
{
    public static void Map(RouteGroupBuilder events) =>
        events.MapGet("/export", async Task (HttpContext http, ISender sender, IOptions<JsonOptions> json, [AsParameters] EventFilterParameters filter, CancellationToken ct) =>
            {
                var rows = await sender.Send(new ExportEvents(filter.ToFilter()), ct);
                var response = http.Response;
                response.Headers.CacheControl = "no-store";
                if (WantsJson(http.Request))
                {
                    response.ContentType = "application/json; charset=utf-8";
                    // System.Text.Json writes an IAsyncEnumerable element by element, flushing as its buffer fills.
                    await JsonSerializer.SerializeAsync(response.Body, rows, json.Value.SerializerOptions, ct);
                    return;
                }

                response.ContentType = "text/csv; charset=utf-8";
                response.Headers.ContentDisposition = "attachment; filename=events.csv";
                await using var writer = new StreamWriter(response.Body, EventCsv.Utf8, 64 * 1024);
                await writer.WriteAsync(EventCsv.Header + "\r\n");
                await foreach (var row in rows.WithCancellation(ct))
                {
                    await writer.WriteAsync(EventCsv.Row(row) + "\r\n");
                }
            })
            .WithSummary("Every event the filters keep (as GET /events takes them), newest first, streamed: CSV by default or with Accept: text/csv, a JSON array with Accept: application/json; at most LunaPoint:Events:Search:ExportMaxRows rows")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces<IReadOnlyList<EventListItem>>(StatusCodes.Status200OK, "application/json")
            .ProducesValidationProblem();

    /// <summary>JSON only when asked for more than CSV: a browser's Accept (or none) gets the spreadsheet.</summary>
    private static bool WantsJson(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
        {
            return false;
        }

        double Quality(string type) => accepted.Where(a => a.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase)).Select(a => a.Quality ?? 1).DefaultIfEmpty(-1).Max();
        var jsonQuality = Quality("application/json");
        return jsonQuality > 0 && jsonQuality > Quality("text/csv");
    }
}
