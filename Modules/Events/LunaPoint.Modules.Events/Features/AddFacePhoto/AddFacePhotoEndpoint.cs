using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Events.Enrolment;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Events.Features;

internal static class AddFacePhotoEndpoint
{
    public static void Map(RouteGroupBuilder faces) =>
        faces.MapPost("/{id:guid}/photos", async (Guid id, HttpRequest request, ISender sender, IOptions<EnrolmentOptions> options, CancellationToken ct) =>
            {
                var form = await PhotoForm.ReadAsync(request, options.Value, ct);
                var photo = await sender.Send(new AddFacePhoto(id, form.Photo, form.FaceIndex), ct);
                return TypedResults.Created(photo.Url, photo);
            })
            .RequireAuthorization(AuthorizationPolicies.Operate)
            .Produces<FacePhotoDto>(StatusCodes.Status201Created)
            .WithSummary("Add a photo to a face (multipart: photo, faceIndex)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
