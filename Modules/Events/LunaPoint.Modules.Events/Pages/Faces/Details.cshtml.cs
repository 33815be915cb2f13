using System.Text.Json;
using System.Text.Json.Nodes;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Events.Enrolment;
using LunaPoint.Modules.Events.Features;
using LunaPoint.Modules.Events.Pages.Lists;
using LunaPoint.SharedKernel.Errors;
using LunaPoint.SharedKernel.Pages;
using LunaPoint.SharedKernel.Paging;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Events.Pages.Faces;

/// <summary>One face: its photos (add, delete), fields, list membership, and deleting it; the same commands as the REST API.</summary>
[Authorize(Policy = AuthorizationPolicies.View)]
internal sealed class FaceDetailsModel(ISender sender, IOptions<EnrolmentOptions> options) : PageModel
{
    public FaceDto Face { get; private set; } = null!;

    public IReadOnlyList<ListDto> AllLists { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await RunAsync(id, () => Task.FromResult<IActionResult>(Page()), cancellationToken);

    public Task<IActionResult> OnPostSaveAsync(Guid id, string? name, string? externalId, string? userData, Guid[]? listIds, CancellationToken cancellationToken) => RunAsync(id, async () =>
    {
        var fields = new JsonObject { ["name"] = name, ["externalId"] = externalId, ["listIds"] = new JsonArray([.. (listIds ?? []).Select(l => (JsonNode)l.ToString())]) };
        fields["userData"] = string.IsNullOrWhiteSpace(userData) ? null : ParseUserData(userData);
        var patch = await MergePatch.ReadAsync(new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(fields)), PatchFaceHandler.Fields, cancellationToken);
        var face = await sender.Send(new PatchFace(id, patch), cancellationToken);
        TempData.Flash($"{face.Name} saved.");
        return RedirectToPage(new { id });
    }, cancellationToken);

    public Task<IActionResult> OnPostAddPhotoAsync(Guid id, IFormFile? photo, CancellationToken cancellationToken) => RunAsync(id, async () =>
    {
        await sender.Send(new AddFacePhoto(id, await PageFiles.ReadAsync(photo, "photo", options.Value.MaxPhotoBytes, cancellationToken), null), cancellationToken);
        TempData.Flash("Photo added.");
        return RedirectToPage(new { id });
    }, cancellationToken);

    public Task<IActionResult> OnPostDeletePhotoAsync(Guid id, Guid photoId, CancellationToken cancellationToken) => RunAsync(id, async () =>
    {
        await sender.Send(new DeleteFacePhoto(id, photoId), cancellationToken);
        TempData.Flash("Photo deleted.");
        return RedirectToPage(new { id });
    }, cancellationToken);

    public Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken) => RunAsync(id, async () =>
    {
        var lists = Face.ListIds;
        await sender.Send(new DeleteFace(id), cancellationToken);
        TempData.Flash($"{Face.Name} deleted.");
        return lists.Count > 0 ? Redirect($"/lists/{lists[0]}") : Redirect("/lists");
    }, cancellationToken);

    private static JsonNode ParseUserData(string text)
    {
        try
        {
            return JsonNode.Parse(text) ?? throw new JsonException();
        }
        catch (JsonException)
        {
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("userData", "userData is not valid JSON.")]);
        }
    }

    private async Task<IActionResult> RunAsync(Guid id, Func<Task<IActionResult>> action, CancellationToken cancellationToken)
    {
        try
        {
            await LoadAsync(id, cancellationToken);
            return await action();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (Exception ex) when (ModelState.TryAddRefusal(ex) || ex is ContentTooLargeException or UnprocessableContentException or UnsupportedContentTypeException)
        {
            if (ModelState.IsValid)
            {
                ModelState.AddModelError("", ex.Message);
            }

            await LoadAsync(id, cancellationToken);
            return Page();
        }
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Face = await sender.Send(new GetFace(id), cancellationToken);
        AllLists = (await sender.Send(new ListLists(null, 1, PageRequest.MaxPageSize), cancellationToken)).Items;
    }
}
