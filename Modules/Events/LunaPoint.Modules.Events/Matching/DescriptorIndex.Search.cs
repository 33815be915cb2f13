namespace LunaPoint.Modules.Events.Matching;

/// <summary>The search: a 4-bit scan for candidates, an exact re-rank, and a check that nothing was missed.</summary>
internal sealed partial class DescriptorIndex<TPartition>
{
    /// <summary>Candidates kept by the first pass: a few hundred, more for larger limits (docs/matching.md).</summary>
    internal static int FirstPassCandidates(int limit) => (int)Math.Min(int.MaxValue, 512L + (16L * limit));

    public IReadOnlyList<IndexHit<TPartition>> Search(ReadOnlySpan<float> query, IndexQuery<TPartition> request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"A descriptor has {Dimensions} values, not {query.Length}.", nameof(query));
        }

        if (request.Limit <= 0)
        {
            return [];
        }

        _lock.EnterReadLock();
        try
        {
            return SearchLocked(query, request);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private List<IndexHit<TPartition>> SearchLocked(ReadOnlySpan<float> query, IndexQuery<TPartition> request)
    {
        var selected = request.Partitions is null
            ? [.. _partitions]
            : request.Partitions.Distinct().Where(_partitions.ContainsKey).Select(p => KeyValuePair.Create(p, _partitions[p])).ToList();
        bool[]? mask = null;
        if (request.Owners is not null && (mask = _owners.Mask(request.Owners)) is null)
        {
            return [];
        }

        var partitionOf = new Dictionary<IndexBlock, TPartition>(ReferenceEqualityComparer.Instance);
        foreach (var (key, entries) in selected)
        {
            entries.Blocks.ForEach(b => partitionOf[b] = key);
        }

        if (partitionOf.Count == 0)
        {
            return [];
        }

        var blocks = partitionOf.Keys.ToList();
        var codes = new QueryCodes(query);
        var first = BlockScanner.Scan(blocks, codes, mask, request.MinCosine, FirstPassCandidates(request.Limit));
        var hits = Rerank(query, first, request, partitionOf);

        // Anything the first pass let go scores at most DroppedMax exactly. If that could still reach the
        // answer (the limit-th cosine, or MinCosine while the answer is short), scan again keeping
        // everything that could, with no cap: the answer is then exact.
        var needed = hits.Count == request.Limit ? hits[^1].Cosine : request.MinCosine;
        if (first.DroppedMax >= needed)
        {
            BlockScanner.CountSecondPass();
            var second = BlockScanner.Scan(blocks, codes, mask, needed, int.MaxValue);
            hits = Rerank(query, second, request, partitionOf);
        }

        return hits;
    }

    private List<IndexHit<TPartition>> Rerank(
        ReadOnlySpan<float> query, CandidateCollector found, IndexQuery<TPartition> request, Dictionary<IndexBlock, TPartition> partitionOf)
    {
        var hits = new List<IndexHit<TPartition>>(found.Candidates.Count);
        foreach (var (_, block, offset) in found.Candidates)
        {
            var cosine = ScanKernels.ExactDot(query, block.FloatsAt(offset));
            if (cosine >= request.MinCosine)
            {
                var owner = _owners.Owners[block.Owners[offset]];
                hits.Add(new IndexHit<TPartition>(block.Ids[offset], owner, partitionOf[block], cosine));
            }
        }

        // Ties go by id, then partition, so the answer does not depend on where entries sit in memory.
        hits.Sort(static (a, b) =>
            a.Cosine != b.Cosine ? b.Cosine.CompareTo(a.Cosine)
            : a.Id != b.Id ? a.Id.CompareTo(b.Id)
            : Comparer<TPartition>.Default.Compare(a.Partition, b.Partition));
        IEnumerable<IndexHit<TPartition>> ordered = hits;
        if (request.DistinctOwners)
        {
            ordered = ordered.DistinctBy(h => (h.Owner, h.Partition));
        }

        return ordered.Take(request.Limit).ToList();
    }
}
