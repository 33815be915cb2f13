using LunaPoint.Modules.Events.Contracts;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Modules.Streams.Contracts;
using Mediator;

namespace LunaPoint.Modules.Notifications.Features;

/// <summary>
/// Stream and list ids must name streams and lists that exist: a rule for a typo would never fire. Only ids
/// the change adds are checked (all of them on create): one the stored rule already names may have been
/// deleted since, and that must not lock the rule against every edit, even disabling it. Evaluation
/// ignores ids that match nothing.
/// </summary>
internal static class RuleReferences
{
    public static async Task CheckAsync(
        ISender sender, ConditionsRequest? conditions, RuleConditions? stored, Action<string, string> fail, CancellationToken cancellationToken)
    {
        if (conditions?.StreamIds is { Count: > 0 and <= RuleRequestValidator.MaxIds } streams
            && Added(streams, stored?.StreamIds) is { Count: > 0 } newStreams)
        {
            var missing = await sender.Send(new FindMissingStreams(newStreams), cancellationToken);
            Report(streams, missing, "conditions.streamIds", "stream", fail);
        }

        if (conditions?.ListIds is { Count: > 0 and <= RuleRequestValidator.MaxIds } lists
            && Added(lists, stored?.ListIds) is { Count: > 0 } newLists)
        {
            var missing = await sender.Send(new FindMissingLists(newLists), cancellationToken);
            Report(lists, missing, "conditions.listIds", "watchlist", fail);
        }
    }

    private static List<Guid> Added(IReadOnlyList<Guid> ids, IReadOnlyList<Guid>? stored) =>
        ids.Distinct().Except(stored ?? []).ToList();

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
