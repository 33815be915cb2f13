using LunaPoint.Modules.Detection.Contracts;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Iso;

/// <summary>
/// Where the face sits in the picture (ISO/IEC 19794-5 full frontal geometry): one face; head width as a
/// share of the image width; the face's horizontal centre (midpoint of the eye centres) and the eye line's
/// height, as shares of the image. The head width is the detector's box width times
/// <see cref="IsoOptions.HeadWidthPerFaceBox"/> (the box runs cheek to cheek, ISO measures ear to ear).
/// </summary>
internal static class GeometryChecks
{
    public static IEnumerable<IsoCheck> Of(Size image, Rect2f box, Point2f[] points5, int facesInImage, IsoOptions o)
    {
        yield return IsoChecks.Within("singleFace", facesInImage, 1, 1, facesInImage == 1 ? null : $"{facesInImage} faces in the image");
        if (image.Width <= 0 || image.Height <= 0)
        {
            foreach (var name in new[] { "faceSize", "faceCentre", "eyeLine" })
            {
                yield return IsoChecks.Unmeasured(name, null, null, "empty image");
            }

            yield break;
        }

        yield return IsoChecks.Within("faceSize", box.Width * o.HeadWidthPerFaceBox / image.Width, o.MinHeadWidthShare, o.MaxHeadWidthShare);
        if (points5.Length < 2)
        {
            yield return IsoChecks.Unmeasured("faceCentre", o.MinFaceCentre, o.MaxFaceCentre, "no eye points");
            yield return IsoChecks.Unmeasured("eyeLine", o.MinEyeLine, o.MaxEyeLine, "no eye points");
            yield break;
        }

        var (left, right) = (points5[0], points5[1]);
        yield return IsoChecks.Within("faceCentre", (left.X + right.X) / 2.0 / image.Width, o.MinFaceCentre, o.MaxFaceCentre);
        yield return IsoChecks.Within("eyeLine", (left.Y + right.Y) / 2.0 / image.Height, o.MinEyeLine, o.MaxEyeLine);
    }
}
