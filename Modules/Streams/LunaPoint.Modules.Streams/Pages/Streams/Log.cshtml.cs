using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Streams.Features;
using LunaPoint.SharedKernel.Paging;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LunaPoint.Modules.Streams.Pages.Streams;

/// <summary>A stream's status transitions, newest first (the same query as GET /api/v1/streams/{id}/logs).</summary>
[Authorize(Policy = AuthorizationPolicies.View)]
internal sealed class StreamLogModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public StreamDto Stream { get; private set; } = null!;

    public PagedResult<StreamLogDto> Entries { get; private set; } = new([], 1, PageRequest.DefaultPageSize, 0);

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        PageNumber = Math.Clamp(PageNumber, 1, PagingRules.MaxPage(PageRequest.DefaultPageSize));
        Stream = await sender.Send(new GetStream(id), cancellationToken);
        Entries = await sender.Send(new GetStreamLog(id, PageNumber), cancellationToken);
    }
}
