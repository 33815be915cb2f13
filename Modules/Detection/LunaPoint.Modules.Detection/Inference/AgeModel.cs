using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Inference;

/// <summary>fr_age (SSR-Net, <see cref="SsrNet"/>): years, 0..101.</summary>
internal sealed class AgeModel(ModelRunner runner)
{
    public ModelRunner Runner => runner;

    /// <summary>As the model's authors crop it; adults read 32..48 on the test photos (docs/models.md).</summary>
    public const float Widen = 1.4f;

    private readonly int[] _order = SsrNet.OutputOrder(runner.OutputNames);

    public async ValueTask<double> RunAsync(Mat bgr, Rect2f box, CancellationToken cancellationToken)
    {
        using var crop = SsrNet.Crop(bgr, box, Widen);
        return await runner.RunAsync(crop, SsrNet.Fill, (_, outputs) => SsrNet.Decode(outputs, _order, 101), cancellationToken);
    }
}
