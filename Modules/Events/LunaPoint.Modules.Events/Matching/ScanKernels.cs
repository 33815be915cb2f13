using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LunaPoint.Modules.Events.Matching;

/// <summary>
/// The two inner loops: the integer dot product of 4-bit codes with an int8 query (AVX2 or scalar; both
/// give the same integer, so the same candidates), and the exact float dot product for the re-rank.
/// </summary>
internal static class ScanKernels
{
    /// <summary>Tests switch this off to run the scalar path on AVX2 machines.</summary>
    public static bool UseSimd { get; set; } = Avx2.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CodeDot(ref byte codes, ReadOnlySpan<sbyte> query) =>
        UseSimd && Avx2.IsSupported ? CodeDotAvx2(ref codes, query) : CodeDotScalar(ref codes, query);

    public static int CodeDotScalar(ref byte codes, ReadOnlySpan<sbyte> query)
    {
        var sum = 0;
        for (var k = 0; k < FourBitCodes.Half; k++)
        {
            int packed = Unsafe.Add(ref codes, k);
            sum += ((packed & 0x0F) * query[k]) + ((packed >> 4) * query[k + FourBitCodes.Half]);
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CodeDotAvx2(ref byte codes, ReadOnlySpan<sbyte> query)
    {
        ref var q = ref MemoryMarshal.GetReference(query);
        var mask = Vector256.Create((byte)0x0F);
        var low = Vector256<short>.Zero;
        var high = Vector256<short>.Zero;

        // u8 x s8 pairs: at most 2 x 15 x 127 = 3810 per lane, so 8 rounds (30480) stay inside int16.
        for (var b = 0; b < FourBitCodes.BytesPerVector; b += 32)
        {
            var packed = Vector256.LoadUnsafe(ref codes, (nuint)b);
            var lo = packed & mask;
            var hi = Vector256.ShiftRightLogical(packed.AsUInt16(), 4).AsByte() & mask;
            low += Avx2.MultiplyAddAdjacent(lo, Vector256.LoadUnsafe(ref q, (nuint)b));
            high += Avx2.MultiplyAddAdjacent(hi, Vector256.LoadUnsafe(ref q, (nuint)(b + FourBitCodes.Half)));
        }

        var ones = Vector256.Create((short)1);
        var sums = Avx2.MultiplyAddAdjacent(low, ones) + Avx2.MultiplyAddAdjacent(high, ones);
        return Vector256.Sum(sums);
    }

    /// <summary>
    /// The exact cosine, in one fixed order of operations (8 lanes, 4 accumulators, no fused multiply-add),
    /// so a stored vector scores the same bits wherever it sits in memory, on any CPU, after any restart.
    /// </summary>
    public static float ExactDot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        ref var x = ref MemoryMarshal.GetReference(a);
        ref var y = ref MemoryMarshal.GetReference(b);
        var s0 = Vector256<float>.Zero;
        var s1 = Vector256<float>.Zero;
        var s2 = Vector256<float>.Zero;
        var s3 = Vector256<float>.Zero;
        for (nuint i = 0; i < (nuint)a.Length; i += 32)
        {
            s0 += Vector256.LoadUnsafe(ref x, i) * Vector256.LoadUnsafe(ref y, i);
            s1 += Vector256.LoadUnsafe(ref x, i + 8) * Vector256.LoadUnsafe(ref y, i + 8);
            s2 += Vector256.LoadUnsafe(ref x, i + 16) * Vector256.LoadUnsafe(ref y, i + 16);
            s3 += Vector256.LoadUnsafe(ref x, i + 24) * Vector256.LoadUnsafe(ref y, i + 24);
        }

        var s = (s0 + s1) + (s2 + s3);
        var total = 0f;
        for (var lane = 0; lane < 8; lane++)
        {
            total += s.GetElement(lane);
        }

        return total;
    }
}
