using LunaPoint.Modules.Events.Matching;
using static LunaPoint.Tests.Modules.Events.Matching.IndexFixtures;

namespace LunaPoint.Tests.Modules.Events.Matching;

/// <summary>The kernels: both code paths give the same integer, estimates sit inside the margin, the exact dot is exact.</summary>
public sealed class ScanKernelTests
{
    [Fact]
    public void SimdAndScalarCodeDots_AreEqual()
    {
        var random = new Random(21);
        var codes = new byte[FourBitCodes.BytesPerVector];
        var query = new sbyte[FourBitCodes.Dimensions];
        for (var run = 0; run < 200; run++)
        {
            random.NextBytes(codes);
            for (var j = 0; j < query.Length; j++)
            {
                // Extremes included: the 16-bit partial sums must not saturate.
                query[j] = run < 2 ? (sbyte)(run == 0 ? 127 : -127) : (sbyte)random.Next(-127, 128);
            }

            if (run < 2)
            {
                Array.Fill(codes, (byte)0xFF);
            }

            var scalar = ScanKernels.CodeDotScalar(ref codes[0], query);
            Assert.Equal(scalar, ScanKernels.CodeDotAvx2(ref codes[0], query));
        }
    }

    [Fact]
    public void Estimates_StayWithinTheMargin_AndExactDotMatchesDoublePrecision()
    {
        var random = new Random(22);
        var codes = new byte[FourBitCodes.BytesPerVector];
        var worst = 0.0;
        for (var run = 0; run < 300; run++)
        {
            var vector = RandomUnit(random);
            var query = run % 2 == 0 ? Near(vector, 0.9, random) : RandomUnit(random);
            var scale = FourBitCodes.Encode(vector, codes);
            var prepared = new QueryCodes(query);
            var estimate = prepared.Estimate(ScanKernels.CodeDotScalar(ref codes[0], prepared.Values), scale);
            var exact = vector.Zip(query, (a, b) => (double)a * b).Sum();
            Assert.Equal(exact, ScanKernels.ExactDot(query, vector), 1e-5);
            worst = Math.Max(worst, Math.Abs(estimate - exact) / prepared.Margin(scale));
        }

        // The margin is 6 sigma: in 300 draws the largest error is about 3 sigma, never near 6.
        Assert.InRange(worst, 0.01, 0.75);
    }
}
