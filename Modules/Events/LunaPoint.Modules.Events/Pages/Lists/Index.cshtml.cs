using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Events.Enrolment;
using LunaPoint.Modules.Events.Features;
using LunaPoint.SharedKernel.Pages;
using LunaPoint.SharedKernel.Paging;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LunaPoint.Modules.Events.Pages.Lists;

/// <summary>The watchlists with their face counts; operators create and delete them with the REST API's commands.</summary>
[Authorize(Policy = AuthorizationPolicies.View)]
internal sealed class ListsModel(ISender sender) : PageModel
{
    public PagedResult<ListDto> Lists { get; private set; } = new([], 1, PageRequest.MaxPageSize, 0);

    [BindProperty]
    public ListInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Lists = await sender.Send(new ListLists(null, 1, PageRequest.MaxPageSize), cancellationToken);

    // The page's View policy makes any POST need Operator or Administrator.
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        try
        {
            var list = await sender.Send(new CreateList(Input.ToRequest()), cancellationToken);
            TempData.Flash($"List {list.Name} created.");
            return Redirect($"/lists/{list.Id}");
        }
        catch (Exception ex) when (ModelState.TryAddRefusal(ex))
        {
            await OnGetAsync(cancellationToken);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            var deleted = await sender.Send(new DeleteList(id), cancellationToken);
            TempData.Flash($"List deleted with {deleted.FacesDeleted} face(s) that were in no other list.");
            return RedirectToPage();
        }
        catch (Exception ex) when (ModelState.TryAddRefusal(ex))
        {
            await OnGetAsync(cancellationToken);
            return Page();
        }
    }
}

/// <summary>The list form's fields (create and edit).</summary>
internal sealed class ListInput
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string Color { get; set; } = ListRequest.DefaultColor;
    public double Threshold { get; set; } = Matching.Similarity.DefaultThreshold;
    public bool Notify { get; set; } = true;

    public ListRequest ToRequest() => new(Name ?? "", Description, Color, Threshold, Notify);

    public static ListInput From(ListDto list) =>
        new() { Name = list.Name, Description = list.Description, Color = list.Color, Threshold = list.Threshold, Notify = list.Notify };
}
