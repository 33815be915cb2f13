using System.Text.Json;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Streams.Features;
using LunaPoint.SharedKernel.Pages;
using LunaPoint.SharedKernel.Paging;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LunaPoint.Modules.Streams.Pages.Streams;

/// <summary>The stream list; every action sends the same command as the REST API.</summary>
[Authorize(Policy = AuthorizationPolicies.View)]
internal sealed class StreamsModel(ISender sender) : PageModel
{
    private const string Example = """{ "name": "Entrance", "type": "rtsp", "source": "rtsp://camera.local/stream1", "enabled": true }""";

    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public string Json { get; private set; } = Example;

    public PagedResult<StreamDto> Streams { get; private set; } = new([], 1, PageRequest.MaxPageSize, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Streams = await sender.Send(new ListStreams(Name, null, Status, null, 1, PageRequest.MaxPageSize), cancellationToken);

    // The page's View policy already makes any POST need Operator; settings handlers need Administrator.
    public Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken cancellationToken) => RunAsync(new StartStream(id), cancellationToken);

    public Task<IActionResult> OnPostStopAsync(Guid id, CancellationToken cancellationToken) => RunAsync(new StopStream(id), cancellationToken);

    [Authorize(Policy = AuthorizationPolicies.Administer)]
    public Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken) => RunAsync(new DeleteStream(id), cancellationToken);

    [Authorize(Policy = AuthorizationPolicies.Administer)]
    public async Task<IActionResult> OnPostCreateAsync(string json, CancellationToken cancellationToken)
    {
        Json = json ?? "";
        try
        {
            var request = JsonSerializer.Deserialize<StreamRequest>(Json, StreamMapping.Json);
            return request is null ? await ShowAsync("The JSON is empty.", cancellationToken) : await RunAsync(new CreateStream(request), cancellationToken);
        }
        catch (JsonException ex)
        {
            return await ShowAsync($"The JSON is not valid: {ex.Message}", cancellationToken);
        }
    }

    private async Task<IActionResult> RunAsync<T>(ICommand<T> command, CancellationToken cancellationToken)
    {
        try
        {
            await sender.Send(command, cancellationToken);
            return RedirectToPage();
        }
        catch (Exception ex) when (ModelState.TryAddRefusal(ex))
        {
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }

    private async Task<IActionResult> ShowAsync(string error, CancellationToken cancellationToken)
    {
        ModelState.AddModelError("", error);
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
