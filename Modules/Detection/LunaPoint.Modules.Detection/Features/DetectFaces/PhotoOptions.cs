namespace LunaPoint.Modules.Detection.Features;

/// <summary>Limits of the photo API and of the DetectFaces query (<c>LunaPoint:Detection:Photos</c>).</summary>
internal sealed class PhotoOptions
{
    public const string Section = "LunaPoint:Detection:Photos";

    /// <summary>Largest photo in bytes; a larger body is refused while it is read (413).</summary>
    public long MaxBytes { get; set; } = 15 * 1024 * 1024;

    /// <summary>Largest photo in pixels, read from its header before decoding (413).</summary>
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>Smallest face side, in pixels of the photo, the detector looks for (smaller costs more tiles).</summary>
    public int MinFaceSize { get; set; } = 40;
}
