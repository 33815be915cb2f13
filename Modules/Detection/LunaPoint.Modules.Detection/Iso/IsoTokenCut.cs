using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Iso;

/// <summary>
/// The portrait a best shot's ISO checks judge, cut from the wider picture of a face the way ISO/IEC
/// 19794-5's token image is made from a frame: 3:4, the head width (box width x
/// <see cref="IsoOptions.HeadWidthPerFaceBox"/>) a quarter of the way up the allowed width shares, the eyes'
/// midpoint at the middle of the allowed centre band and the eye line at the middle of the allowed heights.
/// A quarter, not the middle: at the middle share the head with its hair fills the width and the background
/// check finds under 1% of the picture to judge (astronaut.png); a quarter up leaves strips beside the hair.
/// A frontal face cut so meets the geometry checks; what they can still find is that the picture does not
/// hold the whole cut (the face too near the frame's edge), and the photo and background checks judge
/// exactly the area a passport photo of this frame would show.
/// </summary>
internal static class IsoTokenCut
{
    /// <summary>Width over height of the cut (ISO's token image, passport photos).</summary>
    public const double Aspect = 3.0 / 4.0;

    /// <summary>The cut wanted around the face, in the pixels <paramref name="box"/> and <paramref name="points5"/> are in (may reach beyond any picture).</summary>
    public static Rect2d Wanted(Rect2f box, Point2f[] points5, IsoOptions o)
    {
        ArgumentNullException.ThrowIfNull(points5);
        ArgumentNullException.ThrowIfNull(o);
        var width = box.Width * o.HeadWidthPerFaceBox / HeadWidthShare(o);
        var height = width / Aspect;

        // Without eye points (not expected from the landmark model) the box's centre and its upper third stand in.
        var (cx, eyeY) = points5.Length >= 2
            ? ((points5[0].X + points5[1].X) / 2.0, (points5[0].Y + points5[1].Y) / 2.0)
            : (box.X + (box.Width / 2.0), box.Y + (box.Height / 3.0));
        var left = cx - (width * (o.MinFaceCentre + o.MaxFaceCentre) / 2);
        var top = eyeY - (height * (o.MinEyeLine + o.MaxEyeLine) / 2);
        return new Rect2d(left, top, width, height);
    }

    /// <summary>The head's share of the cut's width: a quarter of the way from the least allowed to the most.</summary>
    public static double HeadWidthShare(IsoOptions o) => o.MinHeadWidthShare + ((o.MaxHeadWidthShare - o.MinHeadWidthShare) / 4);

    /// <summary>
    /// The whole-pixel cut of <paramref name="wanted"/> that lies inside a picture of <paramref name="bounds"/>;
    /// <c>Clipped</c> when the picture held less than the cut wanted.
    /// </summary>
    public static (Rect Cut, bool Clipped) Inside(Rect2d wanted, Size bounds)
    {
        var whole = new Rect(
            (int)Math.Round(wanted.X), (int)Math.Round(wanted.Y), Math.Max(1, (int)Math.Round(wanted.Width)), Math.Max(1, (int)Math.Round(wanted.Height)));
        var cut = whole & new Rect(0, 0, bounds.Width, bounds.Height);
        return (cut, cut != whole);
    }
}
