using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Inference;

/// <summary>
/// What fr_age and fr_gender share (SSR-Net, three stages of three bins): the input crop and the decoding.
/// Each stage k gives bin weights p (ReLU, not softmax: they can pass 1), a bin shift eta and a width
/// change delta; the value is V x sum over stages of sum_i (i + eta_i) p_i / prod_{j&lt;=k} (3 (1 + delta_j)),
/// with V = 101 years for age and 1 for gender.
/// </summary>
internal static class SsrNet
{
    public const int Side = 64;

    /// <summary>The crop: a square about the box centre, this many times its longer side.</summary>
    public const float Margin = 1.4f;

    private const int Bins = 3;

    private static readonly float[] Mean = [0.485f * 255, 0.456f * 255, 0.406f * 255];
    private static readonly float[] Scale = [1 / (0.229f * 255), 1 / (0.224f * 255), 1 / (0.225f * 255)];

    public static Mat Crop(Mat bgr, Rect2f box) =>
        FaceCrop.Square(bgr, FaceCrop.Centre(box), Math.Max(box.Width, box.Height) * Margin, Side, BorderTypes.Replicate);

    public static void Fill(Mat crop, Span<float> input) => Planar.Fill(crop, input, Mean, Scale, rgb: true);

    /// <summary>Where each output sits in the runner's output order, by the names the graph gives them.</summary>
    public static int[] OutputOrder(IReadOnlyList<string> names) =>
    [
        .. new[] { "prob_stage_1", "prob_stage_2", "prob_stage_3", "stage1_delta_k", "stage2_delta_k", "stage3_delta_k", "index_offset_stage1", "index_offset_stage2", "index_offset_stage3" }
            .Select(name => names.ToList().IndexOf(name) is var at and >= 0 ? at : throw new InvalidOperationException($"The SSR-Net model has no output {name}.")),
    ];

    /// <param name="order">From <see cref="OutputOrder"/>.</param>
    public static double Decode(IReadOnlyList<OrtValue> outputs, int[] order, double range)
    {
        double value = 0, width = 1;
        for (var stage = 0; stage < 3; stage++)
        {
            var p = outputs[order[stage]].GetTensorDataAsSpan<float>();
            var delta = outputs[order[3 + stage]].GetTensorDataAsSpan<float>()[0];
            var eta = outputs[order[6 + stage]].GetTensorDataAsSpan<float>();
            width *= Bins * (1 + delta);
            double sum = 0;
            for (var i = 0; i < Bins; i++)
            {
                sum += (i + eta[i]) * p[i];
            }

            value += sum / width;
        }

        return value * range;
    }
}
