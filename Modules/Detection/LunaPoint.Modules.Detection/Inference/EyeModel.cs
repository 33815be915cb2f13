using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Inference;

/// <summary>
/// fr_eye: a gray square around one eye centre, <see cref="Size"/> x the distance between the eye centres
/// on a side, scaled to 24x24, pixels / 255; output two logits, softmax, class 1 = open (class 0 rises on
/// an eye whose iris and white are painted over with skin, docs/models.md).
/// </summary>
internal sealed class EyeModel(ModelRunner runner)
{
    public ModelRunner Runner => runner;

    public const int Side = 24;
    public const float Size = 0.5f;

    /// <returns>0..1, the belief that the eye is open.</returns>
    /// <param name="gray">The whole image, one channel.</param>
    public async ValueTask<double> RunAsync(Mat gray, Point2f eye, float eyeDistance, CancellationToken cancellationToken)
    {
        using var crop = FaceCrop.Square(gray, eye, eyeDistance * Size, Side, BorderTypes.Replicate);
        return await runner.RunAsync(crop, Fill, static (_, outputs) => Open(outputs[0].GetTensorDataAsSpan<float>()), cancellationToken);
    }

    private static void Fill(Mat crop, Span<float> input) => Planar.Fill(crop, input, mean: 0, scale: 1 / 255f, rgb: false);

    internal static double Open(ReadOnlySpan<float> logits) => 1 / (1 + Math.Exp(logits[0] - logits[1]));
}
