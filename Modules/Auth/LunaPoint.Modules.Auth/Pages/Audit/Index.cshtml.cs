using System.Text.Json;
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
    public const int PageSize = 50;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [BindProperty(SupportsGet = true)]
    public string? Module { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Succeeded { get; set; }

    // Not "page": Razor Pages routes by a value of that name (the page path), which would win over the query.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedResult<AuditEntryDto> Entries { get; private set; } = new([], 1, PageSize, 0);

    public long PageCount => Math.Max(1, (Entries.Total + Entries.PageSize - 1) / Math.Max(1, Entries.PageSize));

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Entries = await sender.Send(new ListAuditEntries(Module: Module, Action: Action, Actor: Actor, Succeeded: Succeeded, Page: Math.Max(1, PageNumber), PageSize: PageSize), cancellationToken);

    public string PageLink(int page) =>
        $"/audit?module={Uri.EscapeDataString(Module ?? "")}&action={Uri.EscapeDataString(Action ?? "")}&actor={Uri.EscapeDataString(Actor ?? "")}&succeeded={Succeeded}&p={page}";

    /// <summary>Details as indented JSON, to read inside a collapsed block rather than as one wide line.</summary>
    public static string Pretty(JsonElement details) => JsonSerializer.Serialize(details, Indented);
}
