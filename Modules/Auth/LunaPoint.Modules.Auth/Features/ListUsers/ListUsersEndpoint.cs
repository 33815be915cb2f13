using LunaPoint.SharedKernel.Paging;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Auth.Features;

internal static class ListUsersEndpoint
{
    public static void Map(RouteGroupBuilder users) =>
        users.MapGet("/", async (ISender sender, CancellationToken ct, string? search, string? role, bool? disabled, int page = 1, int pageSize = PageRequest.DefaultPageSize) =>
                TypedResults.Ok(await sender.Send(new ListUsers(search, role, disabled, page, pageSize), ct)))
            .WithSummary("List users");
}
