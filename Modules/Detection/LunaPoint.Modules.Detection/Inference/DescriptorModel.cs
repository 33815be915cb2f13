using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Inference;

/// <summary>fr_feature: the 5-point-aligned 112x112 face, RGB, (p - 127.5) / 128, NCHW; output [1,512], L2-normalised here.</summary>
internal sealed class DescriptorModel(ModelRunner runner)
{
    public ModelRunner Runner => runner;

    public async ValueTask<float[]> RunAsync(Mat aligned, CancellationToken cancellationToken)
    {
        if (aligned.Cols != FaceAligner.Side || aligned.Rows != FaceAligner.Side || aligned.Type() != MatType.CV_8UC3)
        {
            throw new ArgumentException($"An aligned face is {FaceAligner.Side}x{FaceAligner.Side} BGR (8-bit, 3 channels).", nameof(aligned));
        }

        return await runner.RunAsync(aligned, Fill, Decode, cancellationToken);
    }

    private static void Fill(Mat aligned, Span<float> input) => Planar.Fill(aligned, input, mean: 127.5f, scale: 1 / 128f, rgb: true);

    private static float[] Decode(Mat aligned, IReadOnlyList<OrtValue> outputs)
    {
        var descriptor = outputs[0].GetTensorDataAsSpan<float>().ToArray();
        double sum = 0;
        foreach (var value in descriptor)
        {
            sum += value * value;
        }

        var inverse = sum > 0 ? (float)(1 / Math.Sqrt(sum)) : 0f;
        for (var i = 0; i < descriptor.Length; i++)
        {
            descriptor[i] *= inverse;
        }

        return descriptor;
    }
}
