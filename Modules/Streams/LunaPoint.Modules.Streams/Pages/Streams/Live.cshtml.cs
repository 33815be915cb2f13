using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Streams.Features;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LunaPoint.Modules.Streams.Pages.Streams;

/// <summary>A stream's live view (Detection's MJPEG) and analysis figures (Detection's stats, refreshed by streams-live.js).</summary>
[Authorize(Policy = AuthorizationPolicies.View)]
internal sealed class StreamLiveModel(ISender sender) : PageModel
{
    public StreamDto Stream { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => Stream = await sender.Send(new GetStream(id), cancellationToken);
}
