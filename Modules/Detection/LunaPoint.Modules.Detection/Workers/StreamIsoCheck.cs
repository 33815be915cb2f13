using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.Modules.Detection.Iso;
using Microsoft.Extensions.Options;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Workers;

/// <summary>
/// The ISO checks of a stream's best shot, judged on the portrait <see cref="IsoTokenCut"/> cuts from the held
/// crop rather than on the crop itself: the crop keeps the face's size again on each side for liveness,
/// which no head could fill to ISO's width share. Where the frame (or the crop) holds less than the cut, the
/// checks judge what it holds and the geometry checks say so in their detail.
/// </summary>
internal sealed class StreamIsoCheck(IsoChecker checker, IOptions<IsoOptions> options)
{
    /// <summary>The checks whose values the cut decides.</summary>
    private static readonly string[] Geometry = ["faceSize", "faceCentre", "eyeLine"];

    /// <param name="estimates">The shot's pose, eyes and image estimates (from the held crop).</param>
    public IsoReport Check(HeldShot shot, FaceEstimates estimates)
    {
        ArgumentNullException.ThrowIfNull(shot);
        var wanted = IsoTokenCut.Wanted(shot.Box, shot.Landmarks, options.Value);
        var (inFrame, frameCuts) = IsoTokenCut.Inside(wanted, new Size(shot.FrameWidth, shot.FrameHeight));
        var cut = inFrame & new Rect(shot.Origin, shot.Context.Size());
        if (cut.Width <= 0 || cut.Height <= 0)
        {
            // Only with a face outside its own crop; the crop is then all there is to judge.
            return checker.Check(shot.Context, shot.BoxInContext, shot.LandmarksInContext, estimates, shot.FacesInContext);
        }

        using var portrait = new Mat(shot.Context, new Rect(cut.X - shot.Origin.X, cut.Y - shot.Origin.Y, cut.Width, cut.Height));
        var box = new Rect2f(shot.Box.X - cut.X, shot.Box.Y - cut.Y, shot.Box.Width, shot.Box.Height);
        Point2f[] points = [.. shot.Landmarks.Select(p => new Point2f(p.X - cut.X, p.Y - cut.Y))];
        var report = checker.Check(portrait, box, points, estimates, shot.FacesIn(cut));
        var why = frameCuts ? "the frame's edge" : cut != inFrame ? "the held crop's edge" : null;
        return why is null ? report : Noted(report, $"{why} cuts the portrait: {cut.Width}x{cut.Height} of the {wanted.Width:F0}x{wanted.Height:F0} px wanted");
    }

    private static IsoReport Noted(IsoReport report, string note) =>
        report with
        {
            Checks = [.. report.Checks.Select(c => Geometry.Contains(c.Name) ? c with { Detail = c.Detail is null ? note : $"{c.Detail}; {note}" } : c)],
        };
}
