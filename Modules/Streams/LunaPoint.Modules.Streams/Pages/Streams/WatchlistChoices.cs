using LunaPoint.Modules.Events.Contracts;
using Mediator;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace LunaPoint.Modules.Streams.Pages.Streams;

/// <summary>The watchlists the stream form offers for <c>settings.listIds</c> (none ticked: every list).</summary>
internal static class WatchlistChoices
{
    private const string Key = "Watchlists";

    public static async Task LoadAsync(ViewDataDictionary viewData, ISender sender, CancellationToken cancellationToken) =>
        viewData[Key] = await sender.Send(new GetWatchlistNames(), cancellationToken);

    public static IReadOnlyList<WatchlistName> From(ViewDataDictionary viewData) =>
        viewData[Key] as IReadOnlyList<WatchlistName> ?? [];
}
