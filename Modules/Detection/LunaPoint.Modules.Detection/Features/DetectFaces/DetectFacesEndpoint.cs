using System.Globalization;
using System.Text.Json.Serialization;
using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.SharedKernel.Errors;
using LunaPoint.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Detection.Features;

/// <summary>The body of the photo API's answer, in LUNA's shape: bbox and [x, y] landmark pairs.</summary>
/// <param name="FacesFound">Faces the detector found; more than <paramref name="Faces"/> holds when only the largest MaxFaces are answered.</param>
/// <param name="MinFaceSize">The smallest face side looked for in this photo (raised above the setting for a photo too large for the detector budget).</param>
internal sealed record PhotoDetectionResponse(int ImageWidth, int ImageHeight, int FacesFound, int MinFaceSize, IReadOnlyList<PhotoFace> Faces);

/// <param name="Descriptor">Only with ?descriptor=true; left out of the JSON otherwise.</param>
/// <param name="Estimates">Only with ?estimate=...; left out of the JSON otherwise.</param>
internal sealed record PhotoFace(
    FaceBox Bbox,
    double Score,
    float[][] Landmarks,
    double Quality,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] float[]? Descriptor = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FaceEstimates? Estimates = null);

internal static class DetectFacesEndpoint
{
    public static void Map(RouteGroupBuilder detections) =>
        detections.MapPost("/", async Task<IResult> (
                HttpRequest request,
                ISender sender,
                IOptions<PhotoOptions> options,
                CancellationToken ct,
                bool descriptor = false,
                // Bound here (not read from the request) so OpenAPI lists it; parsed before the body, so a bad name is refused without taking the upload.
                [FromQuery(Name = EstimateQuery.Field)] string[]? estimate = null) =>
            {
                var kinds = EstimateQuery.Parse(estimate);
                var image = await PhotoUpload.ReadAsync(request, options.Value, ct);
                FaceDetectionResult result;
                try
                {
                    result = await sender.Send(new DetectFaces(image, descriptor) { Estimate = kinds }, ct);
                }
                catch (ServiceUnavailableException unavailable)
                {
                    // Busy or still loading: both pass, so the client is told when to ask again.
                    request.HttpContext.Response.Headers.RetryAfter = PhotoGate.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                    return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready.", detail: unavailable.Message);
                }

                return TypedResults.Json(new PhotoDetectionResponse(
                    result.ImageWidth,
                    result.ImageHeight,
                    result.FacesFound,
                    result.MinFaceSize,
                    result.Faces.Select(f => new PhotoFace(f.Box, f.Score, f.Landmarks.Select(p => new[] { p.X, p.Y }).ToArray(), f.Quality, f.Descriptor, f.Estimates)).ToList()));
            })
            // No Accepts metadata: routing would then answer a wrong content type with its own 415, which
            // cannot name the field; PhotoUpload refuses it instead.
            // Finding faces changes nothing, so Viewers may ask (a POST only because a photo is a body).
            .WithMetadata(new AllowViewerChangesAttribute())
            .WithSummary("Find the faces in a photo (multipart field image, or a raw image body), the largest MaxFaces, largest first; ?descriptor=true adds 512-float descriptors; "
                + "?estimate=liveness,attributes,pose,eyes,iso (comma-separated or repeated) adds each face's estimates (liveness and iso are licensed: 409 without them)")
            .Produces<PhotoDetectionResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
