using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LunaPoint.Benchmarks.Matcher;

/// <summary>
/// The bar to beat: a full int8 scan (512 bytes per face, per-vector scale, widened to int16 and
/// multiplied with MultiplyAddAdjacent) over all faces on all cores, top-10 by the int8 estimate.
/// </summary>
internal sealed class Int8Baseline
{
    private const int Chunk = 16_384;
    private readonly sbyte[] _codes;
    private readonly float[] _scales;
    private readonly int _faces;

    public Int8Baseline(MatcherData data)
    {
        _faces = data.Faces;
        _codes = new sbyte[(long)data.Faces * MatcherData.Dims];
        _scales = new float[data.Faces];
        Parallel.For(0, data.Faces, i =>
        {
            var face = data.Face(i);
            var max = 0f;
            foreach (var v in face)
            {
                max = MathF.Max(max, MathF.Abs(v));
            }

            _scales[i] = max / 127f;
            var codes = _codes.AsSpan((int)((long)i * MatcherData.Dims), MatcherData.Dims);
            for (var j = 0; j < MatcherData.Dims; j++)
            {
                codes[j] = (sbyte)Math.Round(face[j] / _scales[i]);
            }
        });
    }

    public int Top1(float[] query)
    {
        var max = query.Max(MathF.Abs);
        var q = query.Select(v => (sbyte)Math.Round(v * 127f / max)).ToArray();
        var best = new (float Score, int Face)[(_faces + Chunk - 1) / Chunk];
        Parallel.For(0, best.Length, c =>
        {
            var top = (Score: float.NegativeInfinity, Face: -1);
            for (var i = c * Chunk; i < Math.Min(_faces, (c + 1) * Chunk); i++)
            {
                var score = Dot(_codes.AsSpan((int)((long)i * MatcherData.Dims), MatcherData.Dims), q) * _scales[i];
                if (score > top.Score)
                {
                    top = (score, i);
                }
            }

            best[c] = top;
        });
        return best.MaxBy(b => b.Score).Face;
    }

    private static int Dot(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        ref var x = ref MemoryMarshal.GetReference(a);
        ref var y = ref MemoryMarshal.GetReference(b);
        var acc = Vector256<int>.Zero;
        for (nuint i = 0; i < MatcherData.Dims; i += 16)
        {
            var wx = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref x, i));
            var wy = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref y, i));
            acc += Avx2.MultiplyAddAdjacent(wx, wy);
        }

        return Vector256.Sum(acc);
    }
}
