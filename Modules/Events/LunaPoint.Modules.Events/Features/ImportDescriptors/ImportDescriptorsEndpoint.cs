using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Events.Enrolment;
using LunaPoint.SharedKernel.Errors;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace LunaPoint.Modules.Events.Features;

internal static class ImportDescriptorsEndpoint
{
    private static readonly string[] Types = ["application/x-ndjson", "application/jsonl", "application/x-jsonlines"];

    public static void Map(RouteGroupBuilder lists) =>
        lists.MapPost("/{id:guid}/faces/import", async (Guid id, HttpRequest request, ISender sender, IOptions<EnrolmentOptions> options, CancellationToken ct) =>
            {
                if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !Types.Contains(type.MediaType.Value, StringComparer.OrdinalIgnoreCase))
                {
                    throw new UnsupportedContentTypeException("body", "Send the faces as application/x-ndjson: one {\"name\",\"externalId\",\"descriptor\"} object per line.");
                }

                var max = options.Value.MaxImportBytes;
                if (request.ContentLength > max)
                {
                    throw new ContentTooLargeException("body", $"The import is larger than {max} bytes: split it.");
                }

                // Kestrel's default cap (30 MB) is far below a gallery's size; the body is read line by line, never held.
                if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                {
                    limit.MaxRequestBodySize = max;
                }

                return TypedResults.Ok(await sender.Send(new ImportDescriptors(id, request.BodyReader), ct));
            })
            .RequireAuthorization(AuthorizationPolicies.Operate)
            .Produces<ImportReport>()
            .WithSummary("Import faces with descriptors (NDJSON: one {\"name\",\"externalId\",\"descriptor\": base64 of 512 little-endian float32, \"userData\"?} per line); "
                + "answers counts and per-line errors; good lines past the licence are refused, the rest imported")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
}
