using LunaPoint.Modules.Detection.Contracts;
using Microsoft.Extensions.Options;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Iso;

/// <summary>
/// ISO/IEC 19794-5 (full frontal image) checks of one face in an image: single face, face size and
/// centring, head pose, eyes open, sharpness, exposure, background uniformity; thresholds from
/// <see cref="IsoOptions"/>. STUB (step-6 contract): the ISO helper implements it.
/// </summary>
internal sealed class IsoChecker(IOptions<IsoOptions> options)
{
    /// <param name="image">The portrait (photo) or the best shot's crop, BGR.</param>
    /// <param name="estimates">Must hold Pose, Eyes and Image (a check without its input is reported as not measured).</param>
    /// <param name="facesInImage">Faces the detector found in <paramref name="image"/>.</param>
    public IsoReport Check(Mat image, Rect2f box, Point2f[] points5, FaceEstimates estimates, int facesInImage) =>
        throw new NotImplementedException(options.Value.ToString());
}

/// <summary>Thresholds of the ISO checks (<c>LunaPoint:Detection:Iso</c>); each documented in docs/iso-checks.md with its source.</summary>
internal sealed class IsoOptions
{
    public const string Section = "LunaPoint:Detection:Iso";
}
