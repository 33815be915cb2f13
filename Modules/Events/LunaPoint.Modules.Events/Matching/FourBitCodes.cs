using System.Runtime.CompilerServices;

namespace LunaPoint.Modules.Events.Matching;

/// <summary>
/// The compact copy the scan reads first: 4 bits per dimension (256 bytes for 512 dimensions, an eighth
/// of the float copy) on a per-vector grid, value = scale * (code - 7.5), code 0..15. A per-vector scale
/// needs no training, so incremental adds never re-quantise anything. Byte k holds dimension k in its low
/// nibble and dimension k + 256 in its high nibble, so the SIMD kernel unpacks with one shift and a mask.
/// </summary>
internal static class FourBitCodes
{
    public const int Dimensions = DescriptorCodec.Dimensions;
    public const int BytesPerVector = Dimensions / 2;
    public const int Half = Dimensions / 2;

    /// <summary>Writes the codes of <paramref name="vector"/>; answers its scale (the grid step).</summary>
    public static float Encode(ReadOnlySpan<float> vector, Span<byte> codes)
    {
        var maxAbs = 0f;
        foreach (var value in vector)
        {
            maxAbs = MathF.Max(maxAbs, MathF.Abs(value));
        }

        // The outermost grid points are +-7.5 steps: the largest component sits on one exactly.
        var scale = maxAbs / 7.5f;
        var inverse = scale > 0 ? 1f / scale : 0f;
        for (var k = 0; k < Half; k++)
        {
            codes[k] = (byte)(Code(vector[k], inverse) | (Code(vector[k + Half], inverse) << 4));
        }

        return scale;
    }

    /// <summary>The nearest grid point: code c stands for (c - 7.5) steps, so c = floor(x / step + 8).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Code(float value, float inverse) => Math.Clamp((int)MathF.Floor((value * inverse) + 8f), 0, 15);
}
