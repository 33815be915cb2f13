using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Auth.Features;
using LunaPoint.SharedKernel.Paging;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LunaPoint.Modules.Auth.Pages.Audit;

[Authorize(Policy = AuthorizationPolicies.Administer)]
internal sealed class AuditModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Module { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Succeeded { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public PagedResult<AuditEntryDto> Entries { get; private set; } = new([], 1, PageRequest.DefaultPageSize, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Entries = await sender.Send(new ListAuditEntries(Module: Module, Action: Action, Actor: Actor, Succeeded: Succeeded, Page: PageNumber), cancellationToken);

    public string PageLink(int page) =>
        $"/audit?module={Uri.EscapeDataString(Module ?? "")}&action={Uri.EscapeDataString(Action ?? "")}&actor={Uri.EscapeDataString(Actor ?? "")}&succeeded={Succeeded}&page={page}";
}
