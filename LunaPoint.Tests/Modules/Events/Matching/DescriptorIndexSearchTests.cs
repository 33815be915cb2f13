using LunaPoint.Modules.Events.Matching;
using static LunaPoint.Tests.Modules.Events.Matching.IndexFixtures;

namespace LunaPoint.Tests.Modules.Events.Matching;

/// <summary>The index answers exactly what a brute-force float search answers, on both scan paths.</summary>
[Collection(nameof(ScanPathCollection))]
public sealed class DescriptorIndexSearchTests
{
    [Theory]
    [InlineData(0, 64, true)]
    [InlineData(1, 64, true)]
    [InlineData(31, 64, false)]
    [InlineData(1000, 64, true)]
    [InlineData(1000, 64, false)]
    [InlineData(4097, 4096, true)]
    [InlineData(10_000, 100, true)]
    [InlineData(40_000, 4096, true)]
    public void RandomSet_EqualsBruteForce(int count, int blockCapacity, bool simd)
    {
        using var _ = ScanPath.Use(simd);
        var random = new Random(count + 1);
        var entries = RandomEntries(count, random);
        var index = Build(entries, blockCapacity);
        for (var q = 0; q < 5; q++)
        {
            // Half the queries have a planted near-duplicate, half are unrelated.
            var query = q % 2 == 0 && count > 0 ? Near(entries[random.Next(count)].Vector, 0.9, random) : RandomUnit(random);
            foreach (var limit in new[] { 1, 10, 100 })
            {
                var request = new IndexQuery<int>(limit);
                AssertSame(BruteForce(entries, query, request), index.Search(query, request));
            }
        }
    }

    [Theory]
    [InlineData(5000, 5, true)]
    [InlineData(5000, 5, false)]
    [InlineData(40_000, 3, true)]
    [InlineData(3000, 300, true)]
    public void ClusteredSet_EqualsBruteForce(int count, int clusters, bool simd)
    {
        using var _ = ScanPath.Use(simd);
        var random = new Random(clusters);
        var entries = ClusteredEntries(count, clusters, random);
        var index = Build(entries, 1000);
        for (var q = 0; q < 4; q++)
        {
            var query = Near(entries[random.Next(count)].Vector, 0.97, random);
            foreach (var limit in new[] { 10, 50, 700 })
            {
                var request = new IndexQuery<int>(limit);
                AssertSame(BruteForce(entries, query, request), index.Search(query, request));
            }
        }
    }

    [Fact]
    public void OneTightCluster_NeedsTheSecondPass_AndStillEqualsBruteForce()
    {
        // 20,000 near-identical faces: the 10th best and the 672nd best differ by less than the
        // estimate's margin, so the first pass cannot prove its candidates hold the top 10.
        var random = new Random(8);
        var entries = ClusteredEntries(20_000, 1, random);
        var index = Build(entries, 4096);
        var query = Near(entries[0].Vector, 0.97, random);
        var before = BlockScanner.SecondPasses;
        AssertSame(BruteForce(entries, query, new IndexQuery<int>(10)), index.Search(query, new IndexQuery<int>(10)));
        Assert.True(BlockScanner.SecondPasses > before);
    }

    [Fact]
    public void PartitionsOwnersDistinctOwnersAndMinCosine_AreAppliedLikeBruteForce()
    {
        var random = new Random(3);

        // 300 owners with several photos each, spread over 4 partitions, some photos near the query.
        var entries = ClusteredEntries(3000, 4, random, partitions: 4, owners: 300);
        var index = Build(entries, 128);
        var query = Near(entries[17].Vector, 0.98, random);
        var someOwners = entries.Select(e => e.Owner).Distinct().Where((_, i) => i % 3 == 0).ToHashSet();
        var requests = new[]
        {
            new IndexQuery<int>(10, Partitions: [1, 3]),
            new IndexQuery<int>(10, Partitions: [2, 2, 9]),
            new IndexQuery<int>(25, Owners: someOwners),
            new IndexQuery<int>(25, Owners: new HashSet<Guid> { Guid.NewGuid() }),
            new IndexQuery<int>(20, DistinctOwners: true),
            new IndexQuery<int>(500, MinCosine: 0.85f),
            new IndexQuery<int>(50, MinCosine: 0.9f, Partitions: [0], Owners: someOwners, DistinctOwners: true),
            new IndexQuery<int>(1, MinCosine: 1.01f),
            new IndexQuery<int>(0),
        };
        foreach (var request in requests)
        {
            AssertSame(BruteForce(entries, query, request), index.Search(query, request));
        }
    }

    [Fact]
    public void LimitLargerThanCount_ReturnsEveryEntryInOrder()
    {
        var random = new Random(4);
        var entries = RandomEntries(77, random, partitions: 2);
        var index = Build(entries, 16);
        var query = RandomUnit(random);
        var hits = index.Search(query, new IndexQuery<int>(10_000));
        Assert.Equal(77, hits.Count);
        AssertSame(BruteForce(entries, query, new IndexQuery<int>(10_000)), hits);
    }

    [Fact]
    public void IdenticalVectors_TieByIdWhateverTheInsertionOrder()
    {
        var random = new Random(5);
        var shared = RandomUnit(random);
        var entries = RandomEntries(500, random).Concat(Enumerable.Range(0, 40).Select(_ => new Entry(0, Guid.NewGuid(), Guid.NewGuid(), shared))).ToList();
        var first = Build(entries, 32);
        var second = Build(entries.OrderBy(_ => random.Next()), 100);
        var request = new IndexQuery<int>(30);
        var answer = first.Search(shared, request);
        AssertSame(answer, second.Search(shared, request));
        AssertSame(BruteForce(entries, shared, request), answer);
        Assert.Equal(answer.Select(h => h.Id).Order(), answer.Select(h => h.Id));
    }
}
