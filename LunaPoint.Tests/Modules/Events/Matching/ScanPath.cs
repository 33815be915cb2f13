using LunaPoint.Modules.Events.Matching;

namespace LunaPoint.Tests.Modules.Events.Matching;

/// <summary>Tests that switch the scan path run one at a time.</summary>
[CollectionDefinition(nameof(ScanPathCollection), DisableParallelization = true)]
public sealed class ScanPathCollection;

/// <summary>Forces the SIMD or the scalar scan until disposed.</summary>
internal sealed class ScanPath : IDisposable
{
    private readonly bool _before = ScanKernels.UseSimd;

    private ScanPath(bool simd) => ScanKernels.UseSimd = simd;

    public static ScanPath Use(bool simd) => new(simd);

    public void Dispose() => ScanKernels.UseSimd = _before;
}
