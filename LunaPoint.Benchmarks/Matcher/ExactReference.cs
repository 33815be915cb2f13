using System.Numerics.Tensors;

namespace LunaPoint.Benchmarks.Matcher;

/// <summary>The truth to compare with: exact float top-k of every query, and the naive scalar loop.</summary>
internal static class ExactReference
{
    /// <summary>Top-k face numbers per query by exact float cosine (ties by number), all cores.</summary>
    public static int[][] TopK(MatcherData data, int k)
    {
        const int chunk = 4096;
        var chunks = (data.Faces + chunk - 1) / chunk;
        var partial = new List<(float Cosine, int Face)>[chunks][];
        Parallel.For(0, chunks, c =>
        {
            var lists = new List<(float, int)>[data.Queries.Length];
            for (var q = 0; q < data.Queries.Length; q++)
            {
                lists[q] = [];
            }

            for (var i = c * chunk; i < Math.Min(data.Faces, (c + 1) * chunk); i++)
            {
                var face = data.Face(i);
                for (var q = 0; q < data.Queries.Length; q++)
                {
                    Keep(lists[q], (TensorPrimitives.Dot(data.Queries[q], face), i), k);
                }
            }

            partial[c] = lists;
        });

        return [.. Enumerable.Range(0, data.Queries.Length).Select(q =>
            partial.SelectMany(p => p[q]).OrderByDescending(h => h.Cosine).ThenBy(h => h.Face).Take(k).Select(h => h.Face).ToArray())];
    }

    /// <summary>A plain scalar float loop over every face on one thread: the number a first attempt gets.</summary>
    public static int NaiveTop1(MatcherData data, float[] query)
    {
        var vectors = data.Vectors;
        var best = -1;
        var bestScore = float.NegativeInfinity;
        for (var i = 0; i < data.Faces; i++)
        {
            var offset = (long)i * MatcherData.Dims;
            var sum = 0f;
            for (var j = 0; j < MatcherData.Dims; j++)
            {
                sum += query[j] * vectors[offset + j];
            }

            if (sum > bestScore)
            {
                (best, bestScore) = (i, sum);
            }
        }

        return best;
    }

    private static void Keep(List<(float Cosine, int Face)> list, (float Cosine, int Face) hit, int k)
    {
        if (list.Count < k * 4)
        {
            list.Add(hit);
            return;
        }

        // Amortised: let the list grow to 4k, then cut back to the best k.
        list.Sort((a, b) => b.Cosine.CompareTo(a.Cosine));
        list.RemoveRange(k, list.Count - k);
        list.Add(hit);
    }
}
