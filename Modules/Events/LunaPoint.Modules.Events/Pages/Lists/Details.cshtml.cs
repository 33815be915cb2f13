using System.Text.Json;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Events.Enrolment;
using LunaPoint.Modules.Events.Features;
using LunaPoint.SharedKernel.Errors;
using LunaPoint.SharedKernel.Pages;
using LunaPoint.SharedKernel.Paging;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Events.Pages.Lists;

/// <summary>One list: its settings, its faces as thumbnails, enrolment by photo and by zip (with the zip's report).</summary>
[Authorize(Policy = AuthorizationPolicies.View)]
internal sealed class ListDetailsModel(ISender sender, IOptions<EnrolmentOptions> options) : PageModel
{
    public ListDto List { get; private set; } = null!;

    public PagedResult<FaceSummaryDto> Faces { get; private set; } = new([], 1, 100, 0);

    public BulkReport? Report { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public ListInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await LoadAsync(id, cancellationToken);
            Input = ListInput.From(List);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    public Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken cancellationToken) => RunAsync(id, async () =>
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { name = Input.Name, description = Input.Description, color = Input.Color, threshold = Input.Threshold, notify = Input.Notify });
        var patch = await MergePatch.ReadAsync(new MemoryStream(body), PatchListHandler.Fields, cancellationToken);
        var list = await sender.Send(new PatchList(id, patch), cancellationToken);
        TempData.Flash($"List {list.Name} saved.");
        return RedirectToPage(new { id });
    }, cancellationToken);

    public Task<IActionResult> OnPostAddFaceAsync(Guid id, string? faceName, string? externalId, IFormFile? photo, CancellationToken cancellationToken) => RunAsync(id, async () =>
    {
        var face = await sender.Send(new CreateFace(id, faceName, externalId, null, await PageFiles.ReadAsync(photo, "photo", options.Value.MaxPhotoBytes, cancellationToken), null), cancellationToken);
        TempData.Flash($"{face.Name} enrolled.");
        return RedirectToPage(new { id });
    }, cancellationToken);

    public Task<IActionResult> OnPostBulkAsync(Guid id, IFormFile? archive, IFormFile? people, CancellationToken cancellationToken) => RunAsync(id, async () =>
    {
        if (archive is null || archive.Length == 0 || archive.Length > options.Value.MaxArchiveBytes)
        {
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("archive", $"Choose a zip of photos of at most {options.Value.MaxArchiveBytes} bytes.")]);
        }

        var csv = people is null ? PeopleCsv.Empty
            : PeopleCsv.Parse(System.Text.Encoding.UTF8.GetString(await PageFiles.ReadAsync(people, "people", options.Value.MaxCsvBytes, cancellationToken)));
        await using var stream = archive.OpenReadStream();
        Report = await sender.Send(new BulkEnrolFaces(id, stream, csv), cancellationToken);
        await LoadAsync(id, cancellationToken);
        return Page();
    }, cancellationToken);

    private async Task<IActionResult> RunAsync(Guid id, Func<Task<IActionResult>> action, CancellationToken cancellationToken)
    {
        try
        {
            return await action();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (Exception ex) when (ModelState.TryAddRefusal(ex) || AddFileRefusal(ex))
        {
            await LoadAsync(id, cancellationToken);
            return Page();
        }
    }

    private bool AddFileRefusal(Exception ex)
    {
        if (ex is ContentTooLargeException or UnprocessableContentException or UnsupportedContentTypeException)
        {
            ModelState.AddModelError("", ex.Message);
            return true;
        }

        return false;
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        List = await sender.Send(new GetList(id), cancellationToken);
        Faces = await sender.Send(new ListFaces(id, Name, Math.Max(1, PageNumber), 100), cancellationToken);
    }
}
