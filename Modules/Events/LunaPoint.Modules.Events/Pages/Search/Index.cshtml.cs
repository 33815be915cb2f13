using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Events.Features;
using LunaPoint.SharedKernel.Errors;
using LunaPoint.SharedKernel.Pages;
using LunaPoint.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Events.Pages.Search;

/// <summary>Search by photo: upload or drop a photo, see the watchlist faces or events most like its largest face.</summary>
[Authorize(Policy = AuthorizationPolicies.View)]
[AllowViewerChanges] // searching changes nothing: a POST only because a photo is a body
internal sealed class SearchIndexModel(ISender sender, IOptions<EventSearchOptions> options) : PageModel
{
    [BindProperty]
    public string Target { get; set; } = "faces";

    [BindProperty]
    public double Threshold { get; set; }

    [BindProperty]
    public IFormFile? Photo { get; set; }

    public SearchResult? Result { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (Photo is null || Photo.Length == 0)
            {
                throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("photo", "Choose or drop a photo to search with.")]);
            }

            if (Photo.Length > options.Value.PhotoMaxBytes)
            {
                throw new ContentTooLargeException("photo", $"The photo is larger than {options.Value.PhotoMaxBytes} bytes.");
            }

            using var buffer = new MemoryStream();
            await Photo.CopyToAsync(buffer, cancellationToken);
            var target = Target == "events" ? SearchTarget.Events : SearchTarget.Faces;
            Result = await sender.Send(new SearchFaces(new SearchSource.Photo(buffer.ToArray(), null), target, 50, Threshold), cancellationToken);
        }
        catch (Exception ex) when (ex is ServiceUnavailableException or UnprocessableContentException or ContentTooLargeException or UnsupportedContentTypeException)
        {
            // Said as the API says them (503, 422, 413, 415): the page has one form, so no field to pin them to.
            ModelState.AddModelError("", ex.Message);
        }
        catch (Exception ex) when (ModelState.TryAddRefusal(ex))
        {
        }

        return Page();
    }
}
