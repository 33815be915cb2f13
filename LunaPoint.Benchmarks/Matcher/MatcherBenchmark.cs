using System.Diagnostics;
using System.Text.Json;
using LunaPoint.Modules.Events.Matching;

namespace LunaPoint.Benchmarks.Matcher;

/// <summary>
/// <c>dotnet run -c Release --project LunaPoint.Benchmarks -- matcher --faces 1000000 --queries 200</c>:
/// 1:N top-10 with <see cref="DescriptorIndex{TPartition}"/> over random unit descriptors, each query a
/// planted near-duplicate of one face. Each index search is followed by a full int8 scan of the same
/// query, so drift hits both alike. Ends with one JSON line.
/// </summary>
internal static class MatcherBenchmark
{
    private const int TopK = 10;

    public static int Run(string[] args)
    {
        int Arg(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).FirstOrDefault(fallback);
        var faces = Arg("--faces", 1_000_000);
        var queries = Arg("--queries", 200);
        var loadBefore = File.ReadAllText("/proc/loadavg").Trim();

        var clock = Stopwatch.StartNew();
        var data = new MatcherData(faces, queries, seed: 7);
        Console.WriteLine($"data: {faces} faces in {clock.Elapsed.TotalSeconds:F1} s");

        var list = Guid.Parse("00000000-0000-0000-0000-00000000cafe");
        var index = new DescriptorIndex<Guid>();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        clock.Restart();
        index.AddRange(list, Enumerable.Range(0, faces).Select(i => (MatcherData.IdOf(i), MatcherData.IdOf(i), data.Face(i).ToArray())));
        var rebuildSeconds = clock.Elapsed.TotalSeconds;
        var heapBytes = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        Console.WriteLine($"rebuild: {rebuildSeconds:F2} s, {heapBytes / (double)faces:F0} heap bytes per face");

        clock.Restart();
        var truth = ExactReference.TopK(data, TopK);
        Console.WriteLine($"exact reference: {clock.Elapsed.TotalSeconds:F1} s");
        var baseline = new Int8Baseline(data);

        var request = new IndexQuery<Guid>(TopK);
        for (var w = 0; w < Math.Min(5, queries); w++)
        {
            index.Search(data.Queries[w], request);
            baseline.Top1(data.Queries[w]);
        }

        var passesBefore = BlockScanner.SecondPasses;
        var indexMs = new List<double>();
        var int8Ms = new List<double>();
        var scanMs = new List<double>();

        // Top-1 above 0.5: only the planted face passes the floor, so this times one 4-bit scan alone.
        var scanOnly = new IndexQuery<Guid>(1, MinCosine: 0.5f);
        var found = 0;
        var planted = 0;
        IReadOnlyList<IndexHit<Guid>> hits = [];
        double Time(Action action)
        {
            clock.Restart();
            action();
            return clock.Elapsed.TotalMilliseconds;
        }

        // A search right after another over the same codes finds part of them still in the cache, so the
        // order turns every query and each kind runs first as often as the others.
        var runs = new List<Action<int>>
        {
            q => indexMs.Add(Time(() => hits = index.Search(data.Queries[q], request))),
            q => scanMs.Add(Time(() => index.Search(data.Queries[q], scanOnly))),
            q => int8Ms.Add(Time(() => baseline.Top1(data.Queries[q]))),
        };

        for (var q = 0; q < queries; q++)
        {
            for (var r = 0; r < runs.Count; r++)
            {
                runs[(q + r) % runs.Count](q);
            }

            var numbers = hits.Select(h => MatcherData.NumberOf(h.Id)).ToArray();
            found += numbers.Intersect(truth[q]).Count();
            planted += numbers.FirstOrDefault(-1) == data.Planted[q] ? 1 : 0;
        }

        var naive = new List<double>();
        for (var q = 0; q < Math.Min(3, queries); q++)
        {
            clock.Restart();
            ExactReference.NaiveTop1(data, data.Queries[q]);
            naive.Add(clock.Elapsed.TotalMilliseconds);
        }

        var p50 = Percentile(indexMs, 0.50);
        var int8P50 = Percentile(int8Ms, 0.50);
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            faces,
            queries,
            p50Ms = Math.Round(p50, 2),
            p95Ms = Math.Round(Percentile(indexMs, 0.95), 2),
            maxMs = Math.Round(indexMs.Max(), 2),
            recallAt10 = Math.Round(found / (double)(queries * TopK), 4),
            plantedAtRank1 = Math.Round(planted / (double)queries, 4),
            naiveScalarMs = Math.Round(naive.Average(), 1),
            bytesPerFace = Math.Round(index.MemoryBytes / (double)faces, 0),
            heapBytesPerFace = Math.Round(heapBytes / (double)faces, 0),
            rebuildSeconds = Math.Round(rebuildSeconds, 2),
            int8ScanP50Ms = Math.Round(int8P50, 2),
            int8ScanP95Ms = Math.Round(Percentile(int8Ms, 0.95), 2),
            indexOverInt8P50 = Math.Round(p50 / int8P50, 3),
            scanOnlyP50Ms = Math.Round(Percentile(scanMs, 0.50), 2),
            scanOnlyOverInt8P50 = Math.Round(Percentile(scanMs, 0.50) / int8P50, 3),
            secondPasses = BlockScanner.SecondPasses - passesBefore,
            simd = ScanKernels.UseSimd,
            cores = Environment.ProcessorCount,
            loadBefore,
            loadAfter = File.ReadAllText("/proc/loadavg").Trim(),
        }));
        return 0;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
