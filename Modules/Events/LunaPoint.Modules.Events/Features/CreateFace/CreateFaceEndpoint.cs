using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Events.Enrolment;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Events.Features;

internal static class CreateFaceEndpoint
{
    public static void Map(RouteGroupBuilder lists) =>
        lists.MapPost("/{id:guid}/faces", async (Guid id, HttpRequest request, ISender sender, IOptions<EnrolmentOptions> options, CancellationToken ct) =>
            {
                var form = await PhotoForm.ReadAsync(request, options.Value, ct);
                var face = await sender.Send(new CreateFace(id, form.Text("name"), form.Text("externalId"), form.Text("userData"), form.Photo, form.FaceIndex), ct);
                return TypedResults.Created($"/api/v1/faces/{face.Id}", face);
            })
            .RequireAuthorization(AuthorizationPolicies.Operate)
            .Produces<FaceDto>(StatusCodes.Status201Created)
            .WithSummary("Enrol a face from a photo (multipart: name, externalId, userData JSON, photo, faceIndex: 0 = largest face)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
