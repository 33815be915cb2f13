using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Domain;
using LunaPoint.Modules.Events.Images;
using LunaPoint.Modules.Events.Matching;

namespace LunaPoint.Modules.Events.Enrolment;

/// <summary>
/// Writes one new face from one analysed photo into a list, or one more photo of a face: the licence is
/// checked and the rows written under <see cref="EnrolmentGate"/>, the crop saved before the commit (and
/// removed if the commit fails), the index updated after it.
/// </summary>
internal sealed class FaceWriter(EventsDbContext db, EnrolmentGate gate, FaceQuota quota, FaceCount count, ImageStore images, WatchlistSync sync, TimeProvider clock)
{
    public async Task<Face> CreateAsync(Guid listId, string name, string? externalId, string? userDataJson, EnrolledPhoto photo, CancellationToken cancellationToken)
    {
        using var turn = await gate.EnterAsync(cancellationToken);
        await quota.EnsureLicenceAsync(1, cancellationToken);
        await quota.EnsureListsAsync([listId], 1, cancellationToken);
        var now = clock.GetUtcNow();
        var face = new Face { Id = Guid.NewGuid(), Name = name.Trim(), ExternalId = externalId, UserDataJson = userDataJson, CreatedAt = now, UpdatedAt = now };
        db.Faces.Add(face);
        db.ListMembers.Add(new ListMember { ListId = listId, FaceId = face.Id, AddedAt = now });
        var row = await SaveWithPhotoAsync(face.Id, photo, now, cancellationToken);
        count.Add(1);
        sync.AddPhotos([listId], [(row.Id, face.Id, photo.Descriptor)]);
        return face;
    }

    public async Task<FacePhoto> AddPhotoAsync(Face face, IReadOnlyCollection<Guid> listIds, bool hadDescriptor, EnrolledPhoto photo, CancellationToken cancellationToken)
    {
        using var turn = await gate.EnterAsync(cancellationToken);
        // A face that already has a descriptor is counted once however many photos it has.
        await quota.EnsureLicenceAsync(hadDescriptor ? 0 : 1, cancellationToken);
        var now = clock.GetUtcNow();
        face.UpdatedAt = now;
        var row = await SaveWithPhotoAsync(face.Id, photo, now, cancellationToken);
        if (!hadDescriptor)
        {
            count.Add(1);
        }

        sync.AddPhotos(listIds, [(row.Id, face.Id, photo.Descriptor)]);
        return row;
    }

    private async Task<FacePhoto> SaveWithPhotoAsync(Guid faceId, EnrolledPhoto photo, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var path = ImageStore.NewPath("faces", now, id);
        var row = new FacePhoto
        {
            Id = id,
            FaceId = faceId,
            Descriptor = DescriptorCodec.ToBytes(photo.Descriptor),
            DescriptorModel = photo.Model,
            ImagePath = path,
            Quality = photo.Quality,
            CreatedAt = now,
        };
        db.FacePhotos.Add(row);
        await images.SaveAsync(path, photo.CropJpeg, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            images.Delete(path);
            throw;
        }

        return row;
    }
}
