using LunaPoint.Modules.Detection.Tracking;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Inference;

/// <summary>
/// fr_detect over the windows of a <see cref="DetectionPlan"/>: input RGB 320x240, (p - 127) / 128, NCHW;
/// outputs scores [1,4420,2] (already softmaxed, column 1 = face) and boxes [1,4420,4] already decoded to
/// normalised corners (x1, y1, x2, y2), so no prior-box decoding. Boxes of all windows meet in one NMS.
/// </summary>
internal sealed class FaceDetector(ModelRunner runner)
{
    public ModelRunner Runner => runner;

    public const float NmsIoU = 0.4f;

    // A box this close (model pixels) to an inner tile edge is a face cut by the tile.
    private const float EdgeMargin = 2f;

    public async ValueTask<IReadOnlyList<FaceCandidate>> DetectAsync(Mat bgr, DetectOptions options, CancellationToken cancellationToken)
    {
        var found = new List<FaceCandidate>();
        foreach (var window in DetectionPlan.For(bgr.Cols, bgr.Rows, options.MinFaceSize))
        {
            using var view = new Mat(bgr, window.Area);
            using var resized = view.Resize(new Size(DetectionPlan.InputWidth, DetectionPlan.InputHeight), 0, 0, InterpolationFlags.Area);
            found.AddRange(await runner.RunAsync((Image: resized, Window: window, options.Threshold), Fill, Decode, cancellationToken));
        }

        var frame = new Rect2f(0, 0, bgr.Cols, bgr.Rows);
        return Nms(found)
            .Select(c => c with { Box = Clip(c.Box, frame) })
            .Where(c => c.Box.Width >= 1 && c.Box.Height >= 1)
            .ToList();
    }

    private static void Fill((Mat Image, DetectionWindow Window, float Threshold) state, Span<float> input) =>
        Planar.Fill(state.Image, input, mean: 127f, scale: 1 / 128f, rgb: true);

    private static List<FaceCandidate> Decode((Mat Image, DetectionWindow Window, float Threshold) state, IReadOnlyList<OrtValue> outputs)
    {
        var scores = outputs[0].GetTensorDataAsSpan<float>();
        var boxes = outputs[1].GetTensorDataAsSpan<float>();
        var area = state.Window.Area;
        var edges = state.Window.InnerEdges;
        var marginX = EdgeMargin / DetectionPlan.InputWidth;
        var marginY = EdgeMargin / DetectionPlan.InputHeight;
        var result = new List<FaceCandidate>();
        for (var i = 0; i < scores.Length / 2; i++)
        {
            var score = scores[2 * i + 1];
            if (score < state.Threshold)
            {
                continue;
            }

            var (x1, y1, x2, y2) = (boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3]);
            if ((edges.Left && x1 < marginX) || (edges.Top && y1 < marginY) || (edges.Right && x2 > 1 - marginX) || (edges.Bottom && y2 > 1 - marginY))
            {
                continue;
            }

            result.Add(new FaceCandidate(
                new Rect2f(area.X + x1 * area.Width, area.Y + y1 * area.Height, (x2 - x1) * area.Width, (y2 - y1) * area.Height), score));
        }

        return result;
    }

    /// <summary>Greedy NMS, best score first.</summary>
    internal static List<FaceCandidate> Nms(List<FaceCandidate> candidates)
    {
        candidates.Sort((a, b) => b.Score.CompareTo(a.Score));
        var kept = new List<FaceCandidate>();
        foreach (var candidate in candidates)
        {
            if (!kept.Exists(k => BoxGeometry.IoU(k.Box, candidate.Box) > NmsIoU))
            {
                kept.Add(candidate);
            }
        }

        return kept;
    }

    private static Rect2f Clip(Rect2f box, Rect2f frame)
    {
        var x1 = Math.Clamp(box.Left, 0, frame.Width);
        var y1 = Math.Clamp(box.Top, 0, frame.Height);
        var x2 = Math.Clamp(box.Right, 0, frame.Width);
        var y2 = Math.Clamp(box.Bottom, 0, frame.Height);
        return new Rect2f(x1, y1, x2 - x1, y2 - y1);
    }
}
