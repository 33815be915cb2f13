using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Notifications.Features;
using LunaPoint.SharedKernel.Pages;
using LunaPoint.SharedKernel.Paging;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LunaPoint.Modules.Notifications.Pages.DeliveryLog;

/// <summary>The delivery log for administrators: the same query as GET /api/v1/notifications, with its filters and paging.</summary>
[Authorize(Policy = AuthorizationPolicies.Administer)]
internal sealed class DeliveryLogModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? RuleId { get; set; }
    [BindProperty(SupportsGet = true)] public string? AlertId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Channel { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public PagedResult<DeliveryView> Deliveries { get; private set; } = new([], 1, PageRequest.DefaultPageSize, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Clamp(PageNumber, 1, PagingRules.MaxPage(PageRequest.DefaultPageSize));
        try
        {
            Deliveries = await sender.Send(new ListDeliveries(RuleId, AlertId, Channel, Status, From, To, PageNumber), cancellationToken);
        }
        catch (Exception ex) when (ModelState.TryAddRefusal(ex))
        {
            // The form shows which filter did not parse; the table stays empty.
        }
    }

    /// <summary>This page's address with the same filters and another page number.</summary>
    public string PageLink(int page)
    {
        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["ruleId"] = RuleId, ["alertId"] = AlertId, ["channel"] = Channel, ["status"] = Status, ["from"] = From, ["to"] = To,
            ["pageNumber"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(p => !string.IsNullOrWhiteSpace(p.Value)));
        return "/notifications/log" + query;
    }
}
