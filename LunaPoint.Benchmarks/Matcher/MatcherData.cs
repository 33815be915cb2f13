using System.Numerics.Tensors;

namespace LunaPoint.Benchmarks.Matcher;

/// <summary>
/// Random unit descriptors (normalised Gaussians: uniform on the sphere) in one flat array, and queries
/// that are each a planted near-duplicate (cosine about 0.9) of one random face. Seeded, so reproducible.
/// </summary>
internal sealed class MatcherData
{
    public const int Dims = 512;

    public MatcherData(int faces, int queries, int seed)
    {
        Faces = faces;
        Vectors = new float[(long)faces * Dims];
        const int chunk = 8192;
        Parallel.For(0, (faces + chunk - 1) / chunk, c =>
        {
            var random = new Random(seed + c);
            for (var i = c * chunk; i < Math.Min(faces, (c + 1) * chunk); i++)
            {
                RandomUnit(random, Face(i));
            }
        });

        var rng = new Random(seed - 1);
        Queries = new float[queries][];
        Planted = new int[queries];
        var noise = new float[Dims];
        for (var q = 0; q < queries; q++)
        {
            Planted[q] = rng.Next(faces);
            RandomUnit(rng, noise);
            var query = new float[Dims];
            for (var j = 0; j < Dims; j++)
            {
                query[j] = (0.9f * Face(Planted[q])[j]) + (0.436f * noise[j]);
            }

            TensorPrimitives.Divide(query, TensorPrimitives.Norm(query), query);
            Queries[q] = query;
        }
    }

    public int Faces { get; }

    public float[] Vectors { get; }

    public float[][] Queries { get; }

    public int[] Planted { get; }

    public Span<float> Face(int i) => Vectors.AsSpan((int)((long)i * Dims), Dims);

    /// <summary>Face ids that sort like their numbers, so ties and ranks are easy to read back.</summary>
    public static Guid IdOf(int i) => new(i, 0, 0, new byte[8]);

    public static int NumberOf(Guid id) => BitConverter.ToInt32(id.ToByteArray(), 0);

    private static void RandomUnit(Random random, Span<float> into)
    {
        for (var j = 0; j < into.Length; j += 2)
        {
            // Box-Muller: two Gaussians from two uniforms.
            var u = 1.0 - random.NextDouble();
            var r = Math.Sqrt(-2.0 * Math.Log(u));
            var theta = 2.0 * Math.PI * random.NextDouble();
            into[j] = (float)(r * Math.Cos(theta));
            into[j + 1] = (float)(r * Math.Sin(theta));
        }

        TensorPrimitives.Divide(into, TensorPrimitives.Norm(into), into);
    }
}
