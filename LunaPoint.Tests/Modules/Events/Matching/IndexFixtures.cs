using LunaPoint.Modules.Events.Matching;

namespace LunaPoint.Tests.Modules.Events.Matching;

/// <summary>One stored entry as the tests know it.</summary>
internal sealed record Entry(int Partition, Guid Id, Guid Owner, float[] Vector);

/// <summary>Seeded unit vectors (random or clustered) and the brute-force answer the index must equal.</summary>
internal static class IndexFixtures
{
    public const int Dims = 512;

    public static float[] RandomUnit(Random random)
    {
        var v = new float[Dims];
        for (var j = 0; j < Dims; j++)
        {
            v[j] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }

        return Normalise(v);
    }

    /// <summary>A unit vector at cosine about <paramref name="cosine"/> from <paramref name="centre"/>.</summary>
    public static float[] Near(float[] centre, double cosine, Random random)
    {
        var noise = RandomUnit(random);
        var side = Math.Sqrt(1 - (cosine * cosine));
        return Normalise([.. centre.Zip(noise, (c, n) => (float)((cosine * c) + (side * n)))]);
    }

    public static List<Entry> RandomEntries(int count, Random random, int partitions = 1, int owners = 0) =>
        [.. Enumerable.Range(0, count).Select(i => new Entry(i % partitions, Guid.NewGuid(), OwnerOf(i, owners), RandomUnit(random)))];

    /// <summary>Tight clusters (members at cosine ~0.95 of a centre, ~0.9 between members): many close scores.</summary>
    public static List<Entry> ClusteredEntries(int count, int clusters, Random random, int partitions = 1, int owners = 0)
    {
        var centres = Enumerable.Range(0, clusters).Select(_ => RandomUnit(random)).ToArray();
        return [.. Enumerable.Range(0, count).Select(i =>
            new Entry(i % partitions, Guid.NewGuid(), OwnerOf(i, owners), Near(centres[random.Next(clusters)], 0.95, random)))];
    }

    public static DescriptorIndex<int> Build(IEnumerable<Entry> entries, int blockCapacity = 64)
    {
        var index = new DescriptorIndex<int>(blockCapacity);
        foreach (var group in entries.GroupBy(e => e.Partition))
        {
            index.AddRange(group.Key, group.Select(e => (e.Id, e.Owner, e.Vector)));
        }

        return index;
    }

    /// <summary>The definition: every entry scored, filtered, ordered by cosine, id and partition, owners collapsed, cut.</summary>
    public static List<IndexHit<int>> BruteForce(IEnumerable<Entry> entries, float[] query, IndexQuery<int> request)
    {
        IEnumerable<IndexHit<int>> hits = entries
            .Where(e => request.Partitions is null || request.Partitions.Contains(e.Partition))
            .Where(e => request.Owners is null || request.Owners.Contains(e.Owner))
            .Select(e => new IndexHit<int>(e.Id, e.Owner, e.Partition, ScanKernels.ExactDot(query, e.Vector)))
            .Where(h => h.Cosine >= request.MinCosine)
            .OrderByDescending(h => h.Cosine).ThenBy(h => h.Id).ThenBy(h => h.Partition);
        if (request.DistinctOwners)
        {
            hits = hits.DistinctBy(h => (h.Owner, h.Partition));
        }

        return [.. hits.Take(Math.Max(0, request.Limit))];
    }

    public static void AssertSame(IReadOnlyList<IndexHit<int>> expected, IReadOnlyList<IndexHit<int>> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], actual[i]);
        }
    }

    private static Guid OwnerOf(int i, int owners) => owners == 0 ? Guid.NewGuid() : new Guid(i % owners, 0, 0, new byte[8]);

    private static float[] Normalise(float[] v)
    {
        var norm = (float)Math.Sqrt(v.Sum(x => (double)x * x));
        return [.. v.Select(x => x / norm)];
    }
}
