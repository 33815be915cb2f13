using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Streams.Features;
using LunaPoint.SharedKernel.Pages;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LunaPoint.Modules.Streams.Pages.Streams;

/// <summary>Edits a stream with the same command as PUT; secrets shown masked are kept when left as they are.</summary>
[Authorize(Policy = AuthorizationPolicies.Administer)]
internal sealed class EditStreamModel(ISender sender) : PageModel
{
    [BindProperty]
    public StreamForm Form { get; set; } = new();

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LicensedFeatureHints.LoadAsync(ViewData, sender, cancellationToken);
        await WatchlistChoices.LoadAsync(ViewData, sender, cancellationToken);
        Form = StreamForm.From(await sender.Send(new GetStream(id), cancellationToken));
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        await LicensedFeatureHints.LoadAsync(ViewData, sender, cancellationToken);
        await WatchlistChoices.LoadAsync(ViewData, sender, cancellationToken);
        var current = await sender.Send(new GetStream(id), cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var stream = await sender.Send(new UpdateStream(id, Form.ToRequest(current.Settings)), cancellationToken);
            TempData.Flash($"Stream {stream.Name} saved.");
            return RedirectToPage("Index");
        }
        catch (Exception ex) when (ModelState.TryAddRefusal(ex))
        {
            return Page();
        }
    }
}
