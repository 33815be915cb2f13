using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Inference;

/// <summary>
/// fr_liveness (MiniFASNet-style, three classes): the face box widened <see cref="Context"/> times about its
/// centre (width and height each, then squeezed to 128x128, so the face keeps the box's proportions in
/// the model's eye), slid back inside the image where it runs off an edge, RGB, raw 0..255 values (no
/// mean, no scale: /255 or (p-127.5)/128 give the same answer for every face); softmax of the three
/// logits, class 0 = real. Class 1 rises when a screen's frame is in view (a photo shown on a phone, or
/// black borders where the crop left the image: why the crop slides instead), class 2 stayed near 0 on
/// everything measured (docs/models.md).
/// </summary>
internal sealed class LivenessModel(ModelRunner runner)
{
    public ModelRunner Runner => runner;

    public const int Side = 128;
    public const float Context = 2.7f;
    private const int RealClass = 0;

    /// <summary>How many times the face's box the image can hold around it (at most <see cref="Context"/>): less than that, the crop is taken tighter, as the model's authors do.</summary>
    public static float ContextAvailable(Size image, Rect2f box) =>
        Math.Min(Context, Math.Min(image.Width / box.Width, image.Height / box.Height));

    /// <returns>0..1, the belief that the face is live.</returns>
    public async ValueTask<double> RunAsync(Mat bgr, Rect2f box, CancellationToken cancellationToken)
    {
        using var crop = Crop(bgr, box);
        return await runner.RunAsync(crop, Fill, static (_, outputs) => Real(outputs[0].GetTensorDataAsSpan<float>()), cancellationToken);
    }

    internal static Mat Crop(Mat bgr, Rect2f box)
    {
        FaceCrop.RequireUsable(box);

        var context = ContextAvailable(bgr.Size(), box);
        var (w, h) = (box.Width * context, box.Height * context);
        // The region slides back inside the image rather than taking borders the model reads as a screen's frame.
        // The context can equal the image's side, and w then exceed it by float rounding: SlideInside centres it.
        var x = FaceCrop.SlideInside(box.X + box.Width / 2 - w / 2, w, bgr.Width);
        var y = FaceCrop.SlideInside(box.Y + box.Height / 2 - h / 2, h, bgr.Height);
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
