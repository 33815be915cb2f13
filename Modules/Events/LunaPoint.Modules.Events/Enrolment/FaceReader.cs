using System.Text.Json.Nodes;
using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Domain;
using LunaPoint.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Events.Enrolment;

/// <summary>Reads lists and faces as the API answers them; unknown ids are 404s.</summary>
internal static class FaceReader
{
    public static async Task<FaceList> FindListAsync(this EventsDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Lists.FirstOrDefaultAsync(l => l.Id == id, cancellationToken) ?? throw new NotFoundException("List", id);

    public static async Task<Face> FindFaceAsync(this EventsDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Faces.FirstOrDefaultAsync(f => f.Id == id, cancellationToken) ?? throw new NotFoundException("Face", id);

    public static async Task<ListDto> ListDtoAsync(this EventsDbContext db, FaceList list, CancellationToken cancellationToken) =>
        ToDto(list, await db.ListMembers.LongCountAsync(m => m.ListId == list.Id, cancellationToken));

    public static ListDto ToDto(FaceList list, long faces) =>
        new(list.Id, list.Name, list.Description, list.Color, list.Threshold, list.Notify, faces, list.CreatedAt, list.UpdatedAt);

    public static async Task<FaceDto> FaceDtoAsync(this EventsDbContext db, Face face, CancellationToken cancellationToken)
    {
        var lists = await db.ListMembers.AsNoTracking().Where(m => m.FaceId == face.Id).Select(m => m.ListId).ToListAsync(cancellationToken);
        var photos = await db.FacePhotos.AsNoTracking().Where(p => p.FaceId == face.Id)
            .Select(p => new { p.Id, p.ImagePath, p.Quality, p.DescriptorModel, p.CreatedAt }).ToListAsync(cancellationToken);
        return new FaceDto(
            face.Id,
            face.Name,
            face.ExternalId,
            face.UserDataJson is null ? null : JsonNode.Parse(face.UserDataJson),
            [.. lists.Order()],
            [.. photos.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
                .Select(p => new FacePhotoDto(p.Id, p.ImagePath is null ? null : FaceUrls.Photo(face.Id, p.Id), p.Quality, p.DescriptorModel, p.CreatedAt))],
            face.CreatedAt,
            face.UpdatedAt);
    }
}
