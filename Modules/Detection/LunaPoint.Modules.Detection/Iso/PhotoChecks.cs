using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.Modules.Detection.Inference;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Iso;

/// <summary>
/// The face as a photograph: in focus (<see cref="FaceFocus"/>), neither under- nor over-exposed (mean
/// luminance), little crushed or blown (clipped share), and a wide enough span of grey levels (dynamic
/// range), all from the face box's luminance (<see cref="FaceLight"/>).
/// </summary>
internal static class PhotoChecks
{
    public static IEnumerable<IsoCheck> Of(Mat image, Rect2f box, IsoOptions o)
    {
        var light = FaceLight.Measure(image, box);
        if (light.Pixels == 0)
        {
            const string why = "the face box lies outside the image";
            return
            [
                IsoChecks.Unmeasured("sharpness", o.MinSharpness, 1, why),
                IsoChecks.Unmeasured("brightness", o.MinBrightness, o.MaxBrightness, why),
                IsoChecks.Unmeasured("clipping", 0, o.MaxClippedShare, why),
                IsoChecks.Unmeasured("dynamicRange", o.MinDynamicRange, 255, why),
            ];
        }

        return
        [
            IsoChecks.Within("sharpness", FaceFocus.Measure(image, box), o.MinSharpness, 1),
            IsoChecks.Within(
                "brightness", light.Mean, o.MinBrightness, o.MaxBrightness,
                light.Mean < o.MinBrightness ? "under-exposed" : light.Mean > o.MaxBrightness ? "over-exposed" : null),
            IsoChecks.Within("clipping", light.Clipped, 0, o.MaxClippedShare, $"{light.Dark:P1} crushed, {light.Bright:P1} blown"),
            IsoChecks.Within("dynamicRange", light.Range, o.MinDynamicRange, 255, "grey levels between the face's 1st and 99th percentiles"),
        ];
    }
}
