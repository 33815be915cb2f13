using LunaPoint.Modules.Notifications.Data;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Modules.Notifications.Live;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Notifications.Features;

internal sealed record GetPause : IQuery<PauseView>;

internal sealed class GetPauseHandler(NotificationsDbContext db, TimeProvider clock) : IQueryHandler<GetPause, PauseView>
{
    public async ValueTask<PauseView> Handle(GetPause query, CancellationToken cancellationToken) =>
        PauseMapping.ToView(await db.Pause.AsNoTracking().FirstOrDefaultAsync(p => p.Id == PauseState.SingletonId, cancellationToken), clock.GetUtcNow());
}

internal static class GetPauseEndpoint
{
    // Any signed-in role: viewers see that alerts are paused, by whom and until when.
    public static void Map(RouteGroupBuilder notifications) =>
        notifications.MapGet("/pause", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetPause(), ct)))
            .Produces<PauseView>()
            .WithSummary("Whether notifications are paused, by whom, since and until when (until null: until resumed)");
}
