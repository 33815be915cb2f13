namespace LunaPoint.Modules.Events.Matching;

/// <summary>
/// A pass over the given blocks: bounds every entry's cosine from above by its 4-bit codes (estimate plus
/// margin), skipping owners not asked for and bounds under the floor, keeping the highest bounds, over all cores when there is enough to scan.
/// </summary>
internal static class BlockScanner
{
    /// <summary>Below this many entries one thread is faster than fanning out.</summary>
    private const int ParallelFrom = 32_768;

    private static long _secondPasses;

    /// <summary>Searches that needed the uncapped second pass since start (the benchmark reports it).</summary>
    public static long SecondPasses => Interlocked.Read(ref _secondPasses);

    public static void CountSecondPass() => Interlocked.Increment(ref _secondPasses);

    public static CandidateCollector Scan(
        IReadOnlyList<IndexBlock> blocks, QueryCodes query, bool[]? ownerMask, float floor, int capacity)
    {
        var total = blocks.Sum(b => b.Count);
        var result = new CandidateCollector(capacity);
        if (total < ParallelFrom || Environment.ProcessorCount == 1)
        {
            foreach (var block in blocks)
            {
                ScanBlock(block, query, ownerMask, floor, result);
            }

            return result;
        }

        var gate = new object();
        Parallel.For(
            0,
            blocks.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => new CandidateCollector(capacity),
            (i, _, local) =>
            {
                ScanBlock(blocks[i], query, ownerMask, floor, local);
                return local;
            },
            local =>
            {
                lock (gate)
                {
                    result.Merge(local);
                }
            });
        return result;
    }

    private static void ScanBlock(IndexBlock block, QueryCodes query, bool[]? ownerMask, float floor, CandidateCollector into)
    {
        var values = query.Values.AsSpan();
        var codes = block.Codes;
        var scales = block.Scales;
        var owners = block.Owners;
        var dropped = float.NegativeInfinity;
        var entry = into.Entry;
        var (step, offset, perScale, constant) = (query.Step, query.Offset, query.PerScale, query.Constant);
        for (var i = 0; i < block.Count; i++)
        {
            if (ownerMask is not null && !ownerMask[owners[i]])
            {
                continue;
            }

            var dot = ScanKernels.CodeDot(ref codes[i * FourBitCodes.BytesPerVector], values);
            // QueryCodes.Upper, with its fields in registers.
            var bound = (scales[i] * ((step * (dot - offset)) + perScale)) + constant;

            // Nearly every entry falls here once the heap is full: two compares, no calls.
            if (bound <= entry || bound < floor)
            {
                if (bound > dropped && bound >= floor)
                {
                    dropped = bound;
                }

                continue;
            }

            into.Offer(new Candidate(bound, block, i));
            entry = into.Entry;
        }

        into.NoteDropped(dropped);
    }
}
