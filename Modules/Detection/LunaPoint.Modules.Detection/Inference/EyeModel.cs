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
    /// <param name="image">The whole image, BGR or one channel; only the eye's square is turned gray, so a large photo costs no more than a small one.</param>
    public async ValueTask<double> RunAsync(Mat image, Point2f eye, float eyeDistance, CancellationToken cancellationToken)
    {
        using var square = FaceCrop.Square(image, eye, eyeDistance * Size, Side, BorderTypes.Replicate);
        using var crop = square.Channels() == 1 ? square.Clone() : square.CvtColor(ColorConversionCodes.BGR2GRAY);
        return await runner.RunAsync(crop, Fill, static (_, outputs) => Open(outputs[0].GetTensorDataAsSpan<float>()), cancellationToken);
    }

    private static void Fill(Mat crop, Span<float> input) => Planar.Fill(crop, input, mean: 0, scale: 1 / 255f, rgb: false);

    internal static double Open(ReadOnlySpan<float> logits) => 1 / (1 + Math.Exp(logits[0] - logits[1]));
}
