using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Auth.Features;
using LunaPoint.SharedKernel.Pages;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LunaPoint.Modules.Auth.Pages.ApiKeys;

/// <summary>Administrators create and revoke integration keys; the same commands as /api/v1/api-keys.</summary>
[Authorize(Policy = AuthorizationPolicies.Administer)]
internal sealed class ApiKeysModel(ISender sender, AuthOptions options) : PageModel
{
    public IReadOnlyList<ApiKeyDto> Keys { get; private set; } = [];

    /// <summary>The secret of the key just created: kept in (encrypted) TempData across the redirect, shown once.</summary>
    [TempData]
    public string? NewKey { get; set; }

    public int DefaultLifetimeDays => options.DefaultKeyLifetimeDays ?? 0;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Keys = await sender.Send(new ListApiKeys(), cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(string? name, string? role, DateOnly? expires, CancellationToken cancellationToken)
    {
        // A date means "valid through that day" (UTC).
        var expiresAt = expires is { } day ? new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : (DateTimeOffset?)null;
        try
        {
            var created = await sender.Send(new CreateApiKey(name ?? "", role ?? "", expiresAt), cancellationToken);
            NewKey = created.Key;
            TempData.Flash($"Created API key {created.Name} ({created.Prefix}). Copy the key now: it is not shown again.");
            return RedirectToPage();
        }
        catch (Exception ex) when (ModelState.TryAddRefusal(ex))
        {
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await sender.Send(new RevokeApiKey(id), cancellationToken);
            TempData.Flash("API key revoked; integrations using it are refused from now on.");
            return RedirectToPage();
        }
        catch (Exception ex) when (ModelState.TryAddRefusal(ex))
        {
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }
}
