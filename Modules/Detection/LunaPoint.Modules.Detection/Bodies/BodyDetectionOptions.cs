namespace LunaPoint.Modules.Detection.Bodies;

/// <summary>How the people detector runs (<c>LunaPoint:Detection:Bodies</c>).</summary>
internal sealed class BodyDetectionOptions
{
    public const string Section = "LunaPoint:Detection:Bodies";

    /// <summary>
    /// Pixels HOG looks at per frame; larger frames are scaled down to this first. HOG's cost grows with the
    /// pixel count (about 107 ms for 768x576 on one core) and its smallest person grows as the frame shrinks.
    /// </summary>
    public int HogMaxPixels { get; set; } = 768 * 576;

    /// <summary>Step between HOG's pyramid levels: smaller finds more sizes, at more cost.</summary>
    public double HogScaleStep { get; set; } = 1.05;
}
