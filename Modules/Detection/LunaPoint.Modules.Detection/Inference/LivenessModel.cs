using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Inference;

/// <summary>
/// fr_liveness (MiniFASNet-style, three classes): the face box widened <see cref="Context"/> times about its
/// centre (width and height each, then squeezed to 128x128, so the face keeps the box's proportions in
/// the model's eye), moved inside the image where it runs off an edge, RGB, raw 0..255 values (no mean,
/// no scale: /255 or (p-127.5)/128 give the same answer for every face); softmax of the three logits,
/// class 1 = real. Measured (docs/models.md): live photos 0.85..0.99, the same photos shown on a screen
/// lower.
/// </summary>
internal sealed class LivenessModel(ModelRunner runner)
{
    public ModelRunner Runner => runner;

    public const int Side = 128;
    public const float Context = 2.7f;
    private const int RealClass = 1;

    /// <summary>Whether <paramref name="image"/> can hold the region the model needs around <paramref name="box"/>.</summary>
    public static bool ContextFits(Size image, Rect2f box) =>
        box.Width * Context <= image.Width + 1 && box.Height * Context <= image.Height + 1;

    /// <returns>0..1, the belief that the face is live.</returns>
    public async ValueTask<double> RunAsync(Mat bgr, Rect2f box, CancellationToken cancellationToken)
    {
        using var crop = Crop(bgr, box);
        return await runner.RunAsync(crop, Fill, static (_, outputs) => Real(outputs[0].GetTensorDataAsSpan<float>()), cancellationToken);
    }

    internal static Mat Crop(Mat bgr, Rect2f box)
    {
        var (w, h) = (Math.Min(box.Width * Context, bgr.Width), Math.Min(box.Height * Context, bgr.Height));
        // The region slides back inside the image rather than taking black borders the model never saw.
        var x = Math.Clamp(box.X + box.Width / 2 - w / 2, 0, bgr.Width - w);
        var y = Math.Clamp(box.Y + box.Height / 2 - h / 2, 0, bgr.Height - h);
        using var transform = Mat.FromArray(new double[,]
        {
            { Side / w, 0, -x * Side / w },
            { 0, Side / h, -y * Side / h },
        });
        return bgr.WarpAffine(transform, new Size(Side, Side), InterpolationFlags.Linear, BorderTypes.Replicate);
    }

    private static void Fill(Mat crop, Span<float> input) => Planar.Fill(crop, input, mean: 0, scale: 1, rgb: true);

    internal static double Real(ReadOnlySpan<float> logits)
    {
        var max = Math.Max(logits[0], Math.Max(logits[1], logits[2]));
        double sum = 0;
        foreach (var value in logits[..3])
        {
            sum += Math.Exp(value - max);
        }

        return Math.Exp(logits[RealClass] - max) / sum;
    }
}
