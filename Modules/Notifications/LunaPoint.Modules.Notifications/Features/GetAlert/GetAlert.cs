using LunaPoint.Modules.Notifications.Data;
using LunaPoint.Modules.Notifications.Live;
using LunaPoint.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Notifications.Features;

internal sealed record GetAlert(Guid Id) : IQuery<AlertView>;

internal sealed class GetAlertHandler(NotificationsDbContext db) : IQueryHandler<GetAlert, AlertView>
{
    public async ValueTask<AlertView> Handle(GetAlert query, CancellationToken cancellationToken)
    {
        var row = await AlertRows.WithoutImage(db.Alerts.AsNoTracking().Where(a => a.Id == query.Id)).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("alert", query.Id);
        return AlertMapping.ToView(row.Alert, row.HasFace);
    }
}
