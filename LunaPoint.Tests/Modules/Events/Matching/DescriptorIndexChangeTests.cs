using LunaPoint.Modules.Events.Matching;
using static LunaPoint.Tests.Modules.Events.Matching.IndexFixtures;

namespace LunaPoint.Tests.Modules.Events.Matching;

/// <summary>Adds, replacements and removals keep the index equal to the set of entries it was told about.</summary>
[Collection(nameof(ScanPathCollection))]
public sealed class DescriptorIndexChangeTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void InterleavedAddsRemovesAndReplacements_MatchTheModel(bool simd)
    {
        using var _ = ScanPath.Use(simd);
        var random = new Random(11);
        var index = new DescriptorIndex<int>(blockCapacity: 50);
        var model = new Dictionary<(int Partition, Guid Id), Entry>();
        var owners = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid()).ToArray();
        for (var round = 0; round < 12; round++)
        {
            foreach (var entry in RandomEntries(180, random, partitions: 3))
            {
                var e = entry with { Owner = owners[random.Next(owners.Length)] };
                index.Add(e.Partition, e.Id, e.Owner, e.Vector);
                model[(e.Partition, e.Id)] = e;
            }

            var keys = model.Keys.OrderBy(_ => random.Next()).Take(70).ToList();
            foreach (var key in keys.Take(50))
            {
                Assert.True(index.Remove(key.Partition, key.Id));
                model.Remove(key);
            }

            // Replacements: same id, new vector and owner; and the same id put in a second partition.
            foreach (var key in keys.Skip(50))
            {
                var replaced = new Entry(key.Partition, key.Id, owners[random.Next(owners.Length)], RandomUnit(random));
                index.Add(replaced.Partition, replaced.Id, replaced.Owner, replaced.Vector);
                model[key] = replaced;
                var copy = replaced with { Partition = (key.Partition + 1) % 3 };
                index.Add(copy.Partition, copy.Id, copy.Owner, copy.Vector);
                model[(copy.Partition, copy.Id)] = copy;
            }

            Assert.False(index.Remove(0, Guid.NewGuid()));
            var gone = keys[^1].Id;
            Assert.Equal(model.Keys.Count(k => k.Id == gone), index.RemoveEverywhere(gone));
            foreach (var key in model.Keys.Where(k => k.Id == gone).ToList())
            {
                model.Remove(key);
            }

            Assert.Equal(model.Count, index.Count);
            var query = round % 2 == 0 ? Near(model.Values.First().Vector, 0.9, random) : RandomUnit(random);
            foreach (var request in new[] { new IndexQuery<int>(15), new IndexQuery<int>(15, DistinctOwners: true), new IndexQuery<int>(5, Owners: owners.Take(3).ToHashSet()) })
            {
                AssertSame(BruteForce(model.Values, query, request), index.Search(query, request));
            }
        }

        Assert.True(index.RemovePartition(1));
        Assert.False(index.RemovePartition(1));
        var left = model.Values.Where(e => e.Partition != 1).ToList();
        Assert.Equal(left.Count, index.Count);
        Assert.Equal([0, 2], index.Partitions.Order());
        var last = RandomUnit(random);
        AssertSame(BruteForce(left, last, new IndexQuery<int>(40, Owners: owners.Take(5).ToHashSet())), index.Search(last, new IndexQuery<int>(40, Owners: owners.Take(5).ToHashSet())));
        index.Clear();
        Assert.Equal(0, index.Count);
        Assert.Empty(index.Search(last, new IndexQuery<int>(10)));
    }

    [Fact]
    public void SameEntriesInAnyOrder_GiveTheSameAnswer()
    {
        var random = new Random(12);
        var entries = ClusteredEntries(2500, 10, random, partitions: 3, owners: 200);
        var queries = Enumerable.Range(0, 5).Select(_ => Near(entries[random.Next(entries.Count)].Vector, 0.96, random)).ToList();
        var inOrder = Build(entries, 64);

        // The same set reached another way: shuffled, one at a time, after adding and removing strangers.
        var other = new DescriptorIndex<int>(blockCapacity: 37);
        var strangers = RandomEntries(300, random, partitions: 3);
        foreach (var e in strangers.Concat(entries.OrderBy(_ => random.Next())))
        {
            other.Add(e.Partition, e.Id, e.Owner, e.Vector);
        }

        foreach (var s in strangers)
        {
            other.Remove(s.Partition, s.Id);
        }

        foreach (var query in queries)
        {
            var request = new IndexQuery<int>(25, DistinctOwners: true);
            AssertSame(inOrder.Search(query, request), other.Search(query, request));
        }
    }

    [Fact]
    public async Task SearchesWhileAdding_NeverFailAndAnswerValidHits()
    {
        var random = new Random(13);
        var entries = RandomEntries(20_000, random);
        var vectors = entries.ToDictionary(e => e.Id, e => e.Vector);
        var index = Build(entries.Take(1000), 256);
        var query = Near(entries[^1].Vector, 0.9, random);
        using var stop = new CancellationTokenSource();
        var searches = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            var runs = 0;
            while (!stop.IsCancellationRequested || runs == 0)
            {
                var hits = index.Search(query, new IndexQuery<int>(10));
                Assert.Equal(Math.Min(10, hits.Count), hits.Count);
                Assert.All(hits, h => Assert.Equal(ScanKernels.ExactDot(query, vectors[h.Id]), h.Cosine));
                Assert.Equal(hits.OrderByDescending(h => h.Cosine).ThenBy(h => h.Id), hits);
                runs++;
            }

            return runs;
        })).ToList();
        foreach (var chunk in entries.Skip(1000).Chunk(500))
        {
            index.AddRange(0, chunk.Select(e => (e.Id, e.Owner, e.Vector)));
        }

        await stop.CancelAsync();
        Assert.All(await Task.WhenAll(searches), runs => Assert.True(runs > 0));
        AssertSame(BruteForce(entries, query, new IndexQuery<int>(10)), index.Search(query, new IndexQuery<int>(10)));
        Assert.Equal(entries[^1].Id, index.Search(query, new IndexQuery<int>(1))[0].Id);
    }

    [Fact]
    public void WrongLength_ThrowsArgumentException()
    {
        var index = new DescriptorIndex<int>();
        Assert.Throws<ArgumentException>(() => index.Add(0, Guid.NewGuid(), Guid.NewGuid(), new float[511]));
        Assert.Throws<ArgumentException>(() => index.AddRange(0, [(Guid.NewGuid(), Guid.NewGuid(), new float[513])]));
        Assert.Throws<ArgumentException>(() => index.Search(new float[10], new IndexQuery<int>(5)));
        Assert.Throws<ArgumentException>(() => index.Search([], new IndexQuery<int>(5)));
        Assert.Equal(0, index.Count);
    }
}
