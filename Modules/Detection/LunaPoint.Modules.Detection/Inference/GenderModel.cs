using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Inference;

/// <summary>fr_gender (SSR-Net, <see cref="SsrNet"/>): a value about 0..1, low = female, high = male (docs/models.md).</summary>
internal sealed class GenderModel(ModelRunner runner)
{
    public ModelRunner Runner => runner;

    /// <summary>Values at or above read male.</summary>
    public const double Boundary = 0.5;

    /// <summary>0.5 at the boundary, 1 at 0 or 1 and beyond.</summary>
    public static double Confidence(double value) => Math.Clamp(0.5 + Math.Abs(value - Boundary), 0.5, 1);

    private readonly int[] _order = SsrNet.OutputOrder(runner.OutputNames);

    public async ValueTask<double> RunAsync(Mat bgr, Rect2f box, CancellationToken cancellationToken)
    {
        using var crop = SsrNet.Crop(bgr, box);
        return await runner.RunAsync(crop, SsrNet.Fill, (_, outputs) => SsrNet.Decode(outputs, _order, 1), cancellationToken);
    }
}
