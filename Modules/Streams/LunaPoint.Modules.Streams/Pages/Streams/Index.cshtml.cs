using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Streams.Features;
using LunaPoint.SharedKernel.Pages;
using LunaPoint.SharedKernel.Paging;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LunaPoint.Modules.Streams.Pages.Streams;

/// <summary>The stream list; every action sends the same command as the REST API and says what it did.</summary>
[Authorize(Policy = AuthorizationPolicies.View)]
internal sealed class StreamsModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public PagedResult<StreamDto> Streams { get; private set; } = new([], 1, PageRequest.MaxPageSize, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Streams = await sender.Send(new ListStreams(Name, null, Status, null, 1, PageRequest.MaxPageSize), cancellationToken);

    // The page's View policy already makes any POST need Operator; settings handlers need Administrator.
    public Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken cancellationToken) =>
        RunAsync(new StartStream(id), s => $"Stream {s.Name} started.", cancellationToken);

    public Task<IActionResult> OnPostStopAsync(Guid id, CancellationToken cancellationToken) =>
        RunAsync(new StopStream(id), s => $"Stream {s.Name} stopped.", cancellationToken);

    [Authorize(Policy = AuthorizationPolicies.Administer)]
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await sender.Send(new GetStream(id), cancellationToken);
            await sender.Send(new DeleteStream(id), cancellationToken);
            TempData.Flash($"Stream {stream.Name} deleted.");
            return RedirectToPage();
        }
        catch (Exception ex) when (ModelState.TryAddRefusal(ex))
        {
            await OnGetAsync(cancellationToken);
            return Page();
        }
    }

    private async Task<IActionResult> RunAsync(ICommand<StreamDto> command, Func<StreamDto, string> done, CancellationToken cancellationToken)
    {
        try
        {
            TempData.Flash(done(await sender.Send(command, cancellationToken)));
            return RedirectToPage();
        }
        catch (Exception ex) when (ModelState.TryAddRefusal(ex))
        {
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }
}
