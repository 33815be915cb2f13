using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Events.Features;
using LunaPoint.Modules.Events.Matching;
using LunaPoint.SharedKernel.Errors;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LunaPoint.Modules.Events.Pages.Events;

/// <summary>One event, and "Where else was this person seen?": events search by its own descriptor.</summary>
[Authorize(Policy = AuthorizationPolicies.View)]
internal sealed class EventDetailsModel(ISender sender) : PageModel
{
    public const int SeenElsewhereLimit = 24;

    public EventDetails Event { get; private set; } = null!;

    public IReadOnlyList<EventCandidate> SeenElsewhere { get; private set; } = [];

    /// <summary>Why the "seen elsewhere" search gave nothing to show, when it could not run.</summary>
    public string? SeenElsewhereNote { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Event = await sender.Send(new GetEvent(id), cancellationToken);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        try
        {
            // At the lists' default threshold: the same person, not look-alikes. The event itself is left out by the search.
            var found = await sender.Send(new SearchFaces(new SearchSource.Event(id), SearchTarget.Events, SeenElsewhereLimit, Similarity.DefaultThreshold), cancellationToken);
            SeenElsewhere = found.Events;
        }
        catch (ServiceUnavailableException)
        {
            SeenElsewhereNote = "The event index is still loading; reload this page in a moment.";
        }

        return Page();
    }
}
