using LunaPoint.SharedKernel.Paging;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Auth.Features;

internal static class ListAuditEntriesEndpoint
{
    public static void Map(RouteGroupBuilder audit) =>
        audit.MapGet("/", async (ISender sender, CancellationToken ct, DateTimeOffset? from, DateTimeOffset? to, string? module, string? action, string? actor, bool? succeeded, int page = 1, int pageSize = PageRequest.DefaultPageSize) =>
                TypedResults.Ok(await sender.Send(new ListAuditEntries(from, to, module, action, actor, succeeded, page, pageSize), ct)))
            .WithSummary("Browse the audit log, newest first");
}
