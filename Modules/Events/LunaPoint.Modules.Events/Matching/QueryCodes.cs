using System.Numerics.Tensors;

namespace LunaPoint.Modules.Events.Matching;

/// <summary>
/// A query prepared for the 4-bit scan: int8 values (step <see cref="Step"/>) in the nibble order of
/// <see cref="FourBitCodes"/>, and the error margin the exactness check uses.
/// </summary>
internal sealed class QueryCodes
{
    /// <summary>How many standard deviations of the estimate's error the margin spans (docs/matching.md).</summary>
    public const float MarginSigmas = 6f;

    public QueryCodes(ReadOnlySpan<float> query)
    {
        // MaxMagnitude keeps the sign of the component it picks.
        var maxAbs = MathF.Abs(TensorPrimitives.MaxMagnitude(query));
        Step = maxAbs > 0 ? maxAbs / 127f : 1f;
        var sum = 0;
        for (var j = 0; j < FourBitCodes.Dimensions; j++)
        {
            // |value| <= 127: the kernel's 16-bit partial sums rely on it.
            var value = (sbyte)Math.Clamp((int)MathF.Round(query[j] / Step), -127, 127);
            Values[j] = value;
            sum += value;
        }

        Offset = 7.5f * sum;
        var norm = TensorPrimitives.Norm(query);

        // The estimate's error is a sum of 512 small independent-looking terms: the vector's rounding
        // (uniform within +-scale/2 per dimension, weighted by the query: standard deviation
        // scale * |q| / sqrt(12)) and the query's rounding (+-Step/2, weighted by a unit vector:
        // Step / sqrt(12)). The bound adds MarginSigmas of the (summed, so larger) deviations.
        PerScale = MarginSigmas * norm / MathF.Sqrt(12f);
        Constant = MarginSigmas * Step / MathF.Sqrt(12f);
    }

    /// <summary>Dimensions 0..255 then 256..511, as int8.</summary>
    public sbyte[] Values { get; } = new sbyte[FourBitCodes.Dimensions];

    public float Step { get; }

    /// <summary>The margin's part that grows with a vector's scale.</summary>
    public float PerScale { get; }

    /// <summary>The margin's part from the query's own rounding.</summary>
    public float Constant { get; }

    /// <summary>7.5 x the sum of the int8 values: the codes' offset folded into the query.</summary>
    public float Offset { get; }

    /// <summary>The estimated cosine from a vector's integer code dot product and its scale.</summary>
    public float Estimate(int codeDot, float vectorScale) => vectorScale * Step * (codeDot - Offset);

    /// <summary>
    /// What the exact cosine cannot exceed (bar a 6-sigma rounding error): the estimate plus this
    /// vector's margin. The scan ranks and prunes by it.
    /// </summary>
    public float Upper(int codeDot, float vectorScale) => (vectorScale * ((Step * (codeDot - Offset)) + PerScale)) + Constant;

    /// <summary>The margin of a vector with this scale (for tests and the docs).</summary>
    public float Margin(float vectorScale) => (vectorScale * PerScale) + Constant;
}
