using LunaPoint.SharedKernel.Errors;
using LunaPoint.SharedKernel.Http;
using LunaPoint.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Events.Features;

internal static class VerifyFacesEndpoint
{
    public static void Map(RouteGroupBuilder search) =>
        search.MapPost("/verify", async Task<IResult> (HttpRequest request, ISender sender, IOptions<EventSearchOptions> options, CancellationToken ct) =>
            {
                var max = options.Value.PhotoMaxBytes;
                var form = await FormFiles.ReadFormAsync(request, "photo1", 2 * max, ct);
                var unknown = form.Keys.Concat(form.Files.Select(f => f.Name)).FirstOrDefault(k => k is not ("photo1" or "photo2" or "threshold"));
                if (unknown is not null)
                {
                    throw SearchParameters.Invalid(unknown.Length > 40 ? unknown[..40] : unknown, $"{(unknown.Length > 40 ? unknown[..40] : unknown)} is not a verify field: send photo1, photo2 and optionally threshold.");
                }

                var threshold = new SearchParameters(form.ToDictionary(f => f.Key, f => f.Value.ToString())).Number("threshold");
                var photo1 = await FormFiles.ReadFileAsync(form, "photo1", max, ct);
                var photo2 = await FormFiles.ReadFileAsync(form, "photo2", max, ct);
                try
                {
                    return TypedResults.Ok(await sender.Send(new VerifyFaces(photo1, photo2, threshold), ct));
                }
                catch (ServiceUnavailableException unavailable)
                {
                    return SearchFacesEndpoint.NotReady(request.HttpContext, unavailable);
                }
            })
            .WithMetadata(new AllowViewerChangesAttribute())
            .WithSummary("1:1 verification of the largest faces of two photos (multipart files photo1 and photo2): similarity 0..1 and match (similarity ≥ threshold, a form field, default the lists' default threshold)")
            .Produces<VerifyResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
