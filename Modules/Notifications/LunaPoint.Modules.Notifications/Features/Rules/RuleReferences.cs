using LunaPoint.Modules.Events.Contracts;
using LunaPoint.Modules.Streams.Contracts;
using Mediator;

namespace LunaPoint.Modules.Notifications.Features;

/// <summary>Stream and list ids must name streams and lists that exist: a rule for a typo would never fire.</summary>
internal static class RuleReferences
{
    public static async Task CheckAsync(ISender sender, ConditionsRequest? conditions, Action<string, string> fail, CancellationToken cancellationToken)
    {
        if (conditions?.StreamIds is { Count: > 0 and <= RuleRequestValidator.MaxIds } streams)
        {
            var missing = await sender.Send(new FindMissingStreams(streams.Distinct().ToList()), cancellationToken);
            Report(streams, missing, "conditions.streamIds", "stream", fail);
        }

        if (conditions?.ListIds is { Count: > 0 and <= RuleRequestValidator.MaxIds } lists)
        {
            var missing = await sender.Send(new FindMissingLists(lists.Distinct().ToList()), cancellationToken);
            Report(lists, missing, "conditions.listIds", "watchlist", fail);
        }
    }

    private static void Report(IReadOnlyList<Guid> ids, IReadOnlyList<Guid> missing, string path, string what, Action<string, string> fail)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (missing.Contains(ids[i]))
            {
                fail($"{path}[{i}]", $"{path}[{i}] names no {what} ({ids[i]}).");
            }
        }
    }
}
