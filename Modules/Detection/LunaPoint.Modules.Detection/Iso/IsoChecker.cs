using LunaPoint.Modules.Detection.Contracts;
using Microsoft.Extensions.Options;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Iso;

/// <summary>
/// ISO/IEC 19794-5 (full frontal image) checks of one face in an image: single face, face size and
/// centring, head pose, eyes open, sharpness, exposure, background uniformity; thresholds from
/// <see cref="IsoOptions"/>. A check whose input is missing is reported with Passed null and does not fail
/// the verdict. Pure computation on the image (no model), safe for concurrent use.
/// </summary>
internal sealed class IsoChecker(IOptions<IsoOptions> options)
{
    /// <param name="image">The portrait (photo) or the best shot's crop, BGR.</param>
    /// <param name="estimates">Must hold Pose, Eyes and Image (a check without its input is reported as not measured).</param>
    /// <param name="facesInImage">Faces the detector found in <paramref name="image"/>.</param>
    public IsoReport Check(Mat image, Rect2f box, Point2f[] points5, FaceEstimates estimates, int facesInImage)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(points5);
        ArgumentNullException.ThrowIfNull(estimates);
        var o = options.Value;
        var checks = new List<IsoCheck>(13);
        checks.AddRange(GeometryChecks.Of(image.Size(), box, points5, facesInImage, o));
        checks.AddRange(PoseChecks.Of(estimates.Pose, o));
        checks.Add(PoseChecks.EyesOpen(estimates.Eyes, o));
        checks.AddRange(PhotoChecks.Of(image, box, o));
        checks.Add(BackgroundCheck.Of(image, box, o));
        return new IsoReport(checks.TrueForAll(c => c.Passed != false), checks);
    }
}
