using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Inference;

/// <summary>One detector pass: a window of the frame, resized to the model's 320x240 input.</summary>
/// <param name="InnerEdges">Whether the window has neighbours (left, top, right, bottom): a box touching such an edge is a cut face that a neighbour or a coarser level sees whole.</param>
internal readonly record struct DetectionWindow(Rect Area, (bool Left, bool Top, bool Right, bool Bottom) InnerEdges);

/// <summary>
/// Which windows to run so that faces down to a minimum size are found: the whole frame, then a pyramid
/// of overlapping tiles, each level twice the scale of the one above, down to the scale at which the
/// smallest face asked for is <see cref="SmallestReliableFace"/> model pixels. Levels are added only as
/// the minimum size needs them, so a large minimum costs one pass.
/// </summary>
internal static class DetectionPlan
{
    public const int InputWidth = 320;
    public const int InputHeight = 240;

    /// <summary>
    /// Face side (in model-input pixels) the detector finds reliably: faces pasted at 8..40 px into a
    /// 320x240 canvas were all found from 18 px (4 photos, 5 places each); 20 keeps a margin.
    /// </summary>
    public const float SmallestReliableFace = 20f;

    /// <summary>Smallest face (frame pixels) the whole-frame pass finds reliably.</summary>
    public static float WholeFrameMinFace(int width, int height) => SmallestReliableFace / WholeFrameScale(width, height);

    /// <summary>
    /// <paramref name="minFaceSize"/>, or the smallest larger size whose plan has at most
    /// <paramref name="maxWindows"/> windows: the cost of one frame is bounded whatever its size or shape
    /// (at worst the whole-frame pass alone, one window).
    /// </summary>
    public static int EffectiveMinFace(int width, int height, int minFaceSize, int maxWindows)
    {
        var size = Math.Max(1, minFaceSize);
        while (For(width, height, size).Count > Math.Max(1, maxWindows))
        {
            // A quarter larger each time: few plans are built, and the size overshoots by at most 25%.
            size = Math.Max(size + 1, (int)Math.Ceiling(size * 1.25));
        }

        return size;
    }

    public static IReadOnlyList<DetectionWindow> For(int width, int height, int minFaceSize)
    {
        var windows = new List<DetectionWindow> { new(new Rect(0, 0, width, height), default) };
        var wholeScale = WholeFrameScale(width, height);
        var scale = SmallestReliableFace / Math.Max(1, minFaceSize);
        var levels = new List<float>();
        for (; scale > wholeScale * 1.0001f; scale /= 2)
        {
            levels.Add(scale);
        }

        foreach (var level in levels)
        {
            // Each level finds faces from its smallest up to twice that (the level above takes the larger
            // ones); tiles overlap by that largest face plus 10%, so every such face lies whole in a tile.
            var tileWidth = (int)MathF.Ceiling(InputWidth / level);
            var tileHeight = (int)MathF.Ceiling(InputHeight / level);
            var overlap = (int)MathF.Ceiling(2 * SmallestReliableFace / level * 1.1f);
            AddTiles(windows, width, height, tileWidth, tileHeight, overlap);
        }

        return windows;
    }

    // The whole frame is squeezed to 320x240; the weaker of the two scales decides the faces it finds.
    private static float WholeFrameScale(int width, int height) => Math.Min(InputWidth / (float)width, InputHeight / (float)height);

    private static void AddTiles(List<DetectionWindow> windows, int width, int height, int tileWidth, int tileHeight, int overlap)
    {
        var xs = Starts(width, tileWidth, overlap);
        var ys = Starts(height, tileHeight, overlap);
        foreach (var y in ys)
        {
            foreach (var x in xs)
            {
                var area = new Rect(x, y, Math.Min(tileWidth, width - x), Math.Min(tileHeight, height - y));
                windows.Add(new DetectionWindow(area, (x > 0, y > 0, area.Right < width, area.Bottom < height)));
            }
        }
    }

    /// <summary>Evenly spread tile starts covering 0..length with at least <paramref name="overlap"/> between neighbours.</summary>
    private static List<int> Starts(int length, int tile, int overlap)
    {
        if (tile >= length)
        {
            return [0];
        }

        var stride = Math.Max(1, tile - Math.Min(overlap, tile - 1));
        var count = (int)Math.Ceiling((length - tile) / (double)stride) + 1;
        var step = (length - tile) / (double)(count - 1);
        return Enumerable.Range(0, count).Select(i => (int)Math.Round(i * step)).ToList();
    }
}
