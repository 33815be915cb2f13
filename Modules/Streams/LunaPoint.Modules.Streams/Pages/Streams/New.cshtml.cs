using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Streams.Features;
using LunaPoint.SharedKernel.Pages;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LunaPoint.Modules.Streams.Pages.Streams;

[Authorize(Policy = AuthorizationPolicies.Administer)]
internal sealed class NewStreamModel(ISender sender) : PageModel
{
    [BindProperty]
    public StreamForm Form { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LicensedFeatureHints.LoadAsync(ViewData, sender, cancellationToken);
        await WatchlistChoices.LoadAsync(ViewData, sender, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LicensedFeatureHints.LoadAsync(ViewData, sender, cancellationToken);
        await WatchlistChoices.LoadAsync(ViewData, sender, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var stream = await sender.Send(new CreateStream(Form.ToRequest(null)), cancellationToken);
            TempData.Flash($"Stream {stream.Name} created.");
            return RedirectToPage("Index");
        }
        catch (Exception ex) when (ModelState.TryAddRefusal(ex))
        {
            return Page();
        }
    }
}
