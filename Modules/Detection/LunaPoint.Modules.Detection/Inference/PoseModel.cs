using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Inference;

/// <summary>
/// fr_pose (HopeNet-style): a square crop around the box centre, 1.2 x its longer side, scaled to 224x224,
/// RGB with ImageNet mean/std; outputs yaw, pitch, roll as 66 bins of 3 degrees each, decoded as the
/// softmax expectation: sum(p_i * i) * 3 - 99. Measured on astronaut.png: frontal yaw -0.3, pitch -9,
/// roll 3; the photo rotated 30 degrees counter-clockwise reads roll -27, so a positive roll is the head
/// tilted clockwise as seen in the image (docs/models.md).
/// </summary>
internal sealed class PoseModel(ModelRunner runner)
{
    public ModelRunner Runner => runner;

    public const int Side = 224;
    public const float Margin = 0.2f;
    private const int Bins = 66;

    private static readonly float[] Mean = [0.485f * 255, 0.456f * 255, 0.406f * 255];
    private static readonly float[] Scale = [1 / (0.229f * 255), 1 / (0.224f * 255), 1 / (0.225f * 255)];

    public async ValueTask<HeadPose> RunAsync(Mat bgr, Rect2f box, CancellationToken cancellationToken)
    {
        using var crop = Crop(bgr, box);
        return await runner.RunAsync(crop, Fill, Decode, cancellationToken);
    }

    private static Mat Crop(Mat bgr, Rect2f box)
    {
        FaceCrop.RequireUsable(box);
        var side = Math.Max(box.Width, box.Height) * (1 + Margin);
        var scale = Side / side;
        var (cx, cy) = (box.X + box.Width / 2, box.Y + box.Height / 2);
        using var transform = Mat.FromArray(new double[,]
        {
            { scale, 0, Side / 2.0 - cx * scale },
            { 0, scale, Side / 2.0 - cy * scale },
        });
        return bgr.WarpAffine(transform, new Size(Side, Side), InterpolationFlags.Linear, BorderTypes.Replicate);
    }

    private static void Fill(Mat crop, Span<float> input) => Planar.Fill(crop, input, Mean, Scale, rgb: true);

    private static HeadPose Decode(Mat crop, IReadOnlyList<OrtValue> outputs) =>
        new(Degrees(outputs[0].GetTensorDataAsSpan<float>()), Degrees(outputs[1].GetTensorDataAsSpan<float>()), Degrees(outputs[2].GetTensorDataAsSpan<float>()));

    internal static float Degrees(ReadOnlySpan<float> logits)
    {
        var max = float.MinValue;
        foreach (var value in logits[..Bins])
        {
            max = Math.Max(max, value);
        }

        double sum = 0, expectation = 0;
        for (var i = 0; i < Bins; i++)
        {
            var p = Math.Exp(logits[i] - max);
            sum += p;
            expectation += p * i;
        }

        return (float)(expectation / sum * 3 - 99);
    }
}
