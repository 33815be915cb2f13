using LunaPoint.Modules.Events.Matching;

namespace LunaPoint.Modules.Events.Ingestion;

/// <summary>A watchlist face above its list's threshold.</summary>
internal sealed record Candidate(Guid FaceId, Guid ListId, double Similarity);

/// <summary>
/// 1:N matching of a shot against the watchlist index. One search at the lowest threshold of the lists
/// asked for, then each hit held to its own list's threshold, best first.
/// </summary>
internal sealed class ShotMatcher(WatchlistIndex watchlists)
{
    /// <summary>More candidates than anyone reads; a face counts once per list.</summary>
    public const int MaxCandidates = 50;

    /// <param name="listIds">The stream's lists; empty means every list. Lists that no longer exist are ignored.</param>
    public IReadOnlyList<Candidate> Match(ReadOnlySpan<float> descriptor, IReadOnlyList<Guid> listIds, IReadOnlyDictionary<Guid, ListInfo> lists)
    {
        var wanted = listIds.Count == 0 ? lists.Keys.ToList() : listIds.Distinct().Where(lists.ContainsKey).ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        var lowest = wanted.Min(id => lists[id].Threshold);
        // A hair below the threshold's cosine so rounding never loses a hit that the similarity check keeps.
        var query = new IndexQuery<Guid>(MaxCandidates, (float)Similarity.ToCosine(lowest) - 1e-5f, wanted, DistinctOwners: true);
        return watchlists.Index.Search(descriptor, query)
            .Select(h => new Candidate(h.Owner, h.Partition, Similarity.FromCosine(h.Cosine)))
            .Where(c => c.Similarity >= lists[c.ListId].Threshold)
            .OrderByDescending(c => c.Similarity)
            .ThenBy(c => c.FaceId)
            .ToList();
    }

    /// <summary>
    /// Whether the shot could match on any list, whatever its stream asks for: what an outage may not drop.
    /// A list unknown to the snapshot counts as matching (better kept than lost).
    /// </summary>
    public bool MaybeMatches(ReadOnlySpan<float> descriptor, IReadOnlyDictionary<Guid, ListInfo> lists)
    {
        var lowest = lists.Count == 0 ? 0.0 : lists.Values.Min(l => l.Threshold);
        var hits = watchlists.Index.Search(descriptor, new IndexQuery<Guid>(MaxCandidates, (float)Similarity.ToCosine(lowest) - 1e-5f));
        return hits.Any(h => !lists.TryGetValue(h.Partition, out var list) || Similarity.FromCosine(h.Cosine) >= list.Threshold);
    }
}
