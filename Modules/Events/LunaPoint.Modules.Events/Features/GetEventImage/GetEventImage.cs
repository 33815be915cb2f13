using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Images;
using LunaPoint.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Events.Features;

internal enum EventImageKind
{
    Face,
    Context,
    Body,
}

/// <summary>An event's JPEG, opened from the image store; 404 when the event, or that image of it, is not there.</summary>
internal sealed record GetEventImage(Guid Id, EventImageKind Kind) : IQuery<Stream>;

internal sealed class GetEventImageHandler(EventsDbContext db, ImageStore images) : IQueryHandler<GetEventImage, Stream>
{
    public async ValueTask<Stream> Handle(GetEventImage query, CancellationToken cancellationToken)
    {
        var paths = await db.Events.AsNoTracking().Where(e => e.Id == query.Id)
            .Select(e => new { e.FaceImagePath, e.ContextImagePath, e.BodyImagePath })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("event", query.Id);
        var path = query.Kind switch
        {
            EventImageKind.Face => paths.FaceImagePath,
            EventImageKind.Context => paths.ContextImagePath,
            _ => paths.BodyImagePath,
        };

        // A file gone from the disk (retention running, a restored database) reads as missing, not as an error.
        return images.OpenRead(path) ?? throw new NotFoundException("event image", query.Id);
    }
}
