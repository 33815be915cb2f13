using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Inference;

/// <summary>
/// fr_gender (SSR-Net, <see cref="SsrNet"/>): a value about 0.4..1.1, lower = female, higher = male. The
/// model is weak: on the 9 faces of known gender in the test photos the women read 0.47..0.85 and the men
/// 0.87..1.01 (box widened 1.2 times, ImageNet RGB), so the boundary sits at 0.86 and the confidence stays
/// low (docs/models.md).
/// </summary>
internal sealed class GenderModel(ModelRunner runner)
{
    public ModelRunner Runner => runner;

    /// <summary>Values at or above read male.</summary>
    public const double Boundary = 0.86;

    /// <summary>0.5 at the boundary, rising by the distance from it (capped at 1).</summary>
    public static double Confidence(double value) => Math.Clamp(0.5 + Math.Abs(value - Boundary), 0.5, 1);

    /// <summary>The one crop of 13 x 6 normalisations tried that ranked every man above every woman (docs/models.md).</summary>
    public const float Widen = 1.2f;

    private readonly int[] _order = SsrNet.OutputOrder(runner.OutputNames);

    public async ValueTask<double> RunAsync(Mat bgr, Rect2f box, CancellationToken cancellationToken)
    {
        using var crop = SsrNet.Crop(bgr, box, Widen);
        return await runner.RunAsync(crop, SsrNet.Fill, (_, outputs) => SsrNet.Decode(outputs, _order, 1), cancellationToken);
    }
}
