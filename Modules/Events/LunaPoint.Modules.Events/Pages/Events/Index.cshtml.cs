using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Events.Features;
using LunaPoint.Modules.Streams.Contracts;
using LunaPoint.SharedKernel.Pages;
using LunaPoint.SharedKernel.Paging;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LunaPoint.Modules.Events.Pages.Events;

/// <summary>The event archive: the same query and filters as GET /api/v1/events, as a grid of face crops.</summary>
[Authorize(Policy = AuthorizationPolicies.View)]
internal sealed class EventsIndexModel(ISender sender) : PageModel
{
    public const int PageSize = 48;

    // Not "page": Razor Pages routes by a value of that name (the page path), which would win over the query.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public EventFilterParameters Filter { get; set; } = new();

    public PagedResult<EventListItem> Events { get; private set; } = new([], 1, PageSize, 0);

    /// <summary>Streams to pick from (the ones analysed now); an event's own stream name is on each card.</summary>
    public IReadOnlyList<(Guid Id, string Name)> Streams { get; private set; } = [];

    public long Pages => Math.Max(1, (Events.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Streams = (await sender.Send(new GetStreamsToAnalyse(), cancellationToken)).Select(s => (s.Id, s.Name)).OrderBy(s => s.Name).ToList();
        try
        {
            Events = await sender.Send(new ListEvents(Filter.ToFilter(), PageNumber, PageSize), cancellationToken);
        }
        catch (Exception ex) when (ModelState.TryAddRefusal(ex))
        {
        }
    }

    /// <summary>This page's address with the filters kept and another page number.</summary>
    public string PageLink(long page)
    {
        var query = Request.Query.Where(q => q.Key != "p").Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}").Append($"p={page}");
        return "/events?" + string.Join("&", query);
    }
}
