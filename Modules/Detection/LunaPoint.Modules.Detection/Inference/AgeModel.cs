using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Inference;

/// <summary>fr_age (SSR-Net, <see cref="SsrNet"/>): years, 0..101.</summary>
internal sealed class AgeModel(ModelRunner runner)
{
    public ModelRunner Runner => runner;

    private readonly int[] _order = SsrNet.OutputOrder(runner.OutputNames);

    public async ValueTask<double> RunAsync(Mat bgr, Rect2f box, CancellationToken cancellationToken)
    {
        using var crop = SsrNet.Crop(bgr, box);
        return await runner.RunAsync(crop, SsrNet.Fill, (_, outputs) => SsrNet.Decode(outputs, _order, 101), cancellationToken);
    }
}
