using LunaPoint.Modules.Events.Contracts;
using LunaPoint.Modules.Notifications.Data;
using LunaPoint.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Notifications.Features;

internal enum AlertImageKind
{
    /// <summary>The face crop of the shot that raised the alert (kept with the alert).</summary>
    Face,

    /// <summary>The matched person's enrolled photo, asked from Events (it may have been removed since).</summary>
    Match,
}

/// <summary>An alert's JPEG; 404 when the alert, or that image of it, is not there.</summary>
internal sealed record GetAlertImage(Guid Id, AlertImageKind Kind) : IQuery<byte[]>;

internal sealed class GetAlertImageHandler(NotificationsDbContext db, ISender sender) : IQueryHandler<GetAlertImage, byte[]>
{
    public async ValueTask<byte[]> Handle(GetAlertImage query, CancellationToken cancellationToken)
    {
        var alerts = db.Alerts.AsNoTracking().Where(a => a.Id == query.Id);
        if (query.Kind == AlertImageKind.Face)
        {
            var face = await alerts.Select(a => new { a.FaceJpeg }).FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("alert", query.Id);
            return face.FaceJpeg ?? throw new NotFoundException("alert face image", query.Id);
        }

        var match = await alerts.Select(a => new { a.FaceId }).FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("alert", query.Id);
        var photo = match.FaceId is { } faceId ? await sender.Send(new GetFacePhoto(faceId), cancellationToken) : null;
        return photo?.Jpeg ?? throw new NotFoundException("alert match image", query.Id);
    }
}
