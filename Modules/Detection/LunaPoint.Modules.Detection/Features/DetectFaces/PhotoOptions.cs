namespace LunaPoint.Modules.Detection.Features;

/// <summary>Limits of the photo API and of the DetectFaces query (<c>LunaPoint:Detection:Photos</c>).</summary>
internal sealed class PhotoOptions
{
    public const string Section = "LunaPoint:Detection:Photos";

    /// <summary>Largest photo in bytes; a larger body is refused while it is read (413).</summary>
    public long MaxBytes { get; set; } = 15 * 1024 * 1024;

    /// <summary>
    /// Largest photo in pixels, read from its header before decoding (413). 36 MP (6000x6000, a 7200x5000
    /// camera frame): a decoded photo costs 3 bytes a pixel plus the decoder's buffers, and 8 parallel
    /// 49 MP photos took the host from 850 MB to 2 GB; with <see cref="MaxConcurrent"/> this bounds the
    /// memory photos can take.
    /// </summary>
    public long MaxPixels { get; set; } = 36_000_000;

    /// <summary>Smallest face side, in pixels of the photo, the detector looks for (smaller costs more tiles).</summary>
    public int MinFaceSize { get; set; } = 40;

    /// <summary>
    /// Detector windows one photo may cost. When the tiles for <see cref="MinFaceSize"/> would be more
    /// (a large photo, a long thin one), that photo's smallest face size is raised until they fit; the
    /// answer says the size used (<c>minFaceSize</c>).
    /// </summary>
    public int MaxDetectorWindows { get; set; } = 64;

    /// <summary>Faces answered per photo: the largest ones, largest first; landmarks, pose and descriptor are computed for these only.</summary>
    public int MaxFaces { get; set; } = 100;

    /// <summary>Photos decoded and analysed at once on this host (API and DetectFaces query together).</summary>
    public int MaxConcurrent { get; set; } = 2;

    /// <summary>Photos that may wait for a turn; one more is refused at once (503 with Retry-After).</summary>
    public int MaxQueued { get; set; } = 8;

    /// <summary>How long a photo waits for a turn before it is refused (503 with Retry-After).</summary>
    public double QueueSeconds { get; set; } = 3;
}
