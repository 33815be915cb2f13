using System.Text.Json.Serialization;
using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Detection.Features;

/// <summary>The body of the photo API's answer, in LUNA's shape: bbox and [x, y] landmark pairs.</summary>
internal sealed record PhotoDetectionResponse(int ImageWidth, int ImageHeight, IReadOnlyList<PhotoFace> Faces);

/// <param name="Descriptor">Only with ?descriptor=true; left out of the JSON otherwise.</param>
internal sealed record PhotoFace(
    FaceBox Bbox, double Score, float[][] Landmarks, double Quality, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] float[]? Descriptor);

internal static class DetectFacesEndpoint
{
    public static void Map(RouteGroupBuilder detections) =>
        detections.MapPost("/", async (HttpRequest request, ISender sender, IOptions<PhotoOptions> options, CancellationToken ct, bool descriptor = false) =>
            {
                var image = await PhotoUpload.ReadAsync(request, options.Value, ct);
                var result = await sender.Send(new DetectFaces(image, descriptor), ct);
                return TypedResults.Ok(new PhotoDetectionResponse(
                    result.ImageWidth,
                    result.ImageHeight,
                    result.Faces.Select(f => new PhotoFace(f.Box, f.Score, f.Landmarks.Select(p => new[] { p.X, p.Y }).ToArray(), f.Quality, f.Descriptor)).ToList()));
            })
            // No Accepts metadata: routing would then answer a wrong content type with its own 415, which
            // cannot name the field; PhotoUpload refuses it instead.
            // Finding faces changes nothing, so Viewers may ask (a POST only because a photo is a body).
            .WithMetadata(new AllowViewerChangesAttribute())
            .WithSummary("Find the faces in a photo (multipart field image, or a raw image body), largest first; ?descriptor=true adds 512-float descriptors")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
