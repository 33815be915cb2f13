namespace LunaPoint.Modules.Detection.Iso;

/// <summary>
/// Thresholds of the ISO checks (<c>LunaPoint:Detection:Iso</c>); each documented in docs/iso-checks.md with its
/// source. Shares are of the image's width or height (0..1), angles in degrees as fr_pose reads them.
/// </summary>
internal sealed class IsoOptions
{
    public const string Section = "LunaPoint:Detection:Iso";

    /// <summary>ISO head width (ear to ear) per width of the detector's face box (cheek to cheek); measured on astronaut.png.</summary>
    public double HeadWidthPerFaceBox { get; set; } = 1.2;

    public double MinHeadWidthShare { get; set; } = 0.5;
    public double MaxHeadWidthShare { get; set; } = 0.75;

    /// <summary>Limits of the horizontal position of the face's centre (midpoint of the eyes), as a share of the image width.</summary>
    public double MinFaceCentre { get; set; } = 0.45;
    public double MaxFaceCentre { get; set; } = 0.55;

    /// <summary>Limits of the eye line's distance from the top edge, as a share of the image height.</summary>
    public double MinEyeLine { get; set; } = 0.3;
    public double MaxEyeLine { get; set; } = 0.5;

    public double MaxYaw { get; set; } = 5;

    /// <summary>Looser downward than ISO's 5 degrees: fr_pose reads frontal studio portraits at about -9 (docs/iso-checks.md).</summary>
    public double MinPitch { get; set; } = -14;
    public double MaxPitch { get; set; } = 5;
    public double MaxRoll { get; set; } = 5;

    /// <summary>Each eye's open score must reach this.</summary>
    public double MinEyeOpenScore { get; set; } = 0.5;

    /// <summary>Sharpness of the face at a standard contrast (<see cref="FaceFocus"/>), 0..1.</summary>
    public double MinSharpness { get; set; } = 0.4;

    /// <summary>Limits of the face's mean luminance, 0..1 (under-/over-exposure).</summary>
    public double MinBrightness { get; set; } = 0.25;
    public double MaxBrightness { get; set; } = 0.75;

    /// <summary>Most of the face that may be crushed to black or blown to white.</summary>
    public double MaxClippedShare { get; set; } = 0.05;

    /// <summary>Fewest grey levels between the face's 1st and 99th luminance percentiles (ISO: 7 bits).</summary>
    public int MinDynamicRange { get; set; } = 128;

    /// <summary>Most standard deviation of the background's luminance, 0..1.</summary>
    public double MaxBackgroundDeviation { get; set; } = 0.08;

    /// <summary>Background (beside and above the head, above the chin) needed to judge it, as a share of the image.</summary>
    public double MinBackgroundShare { get; set; } = 0.04;

    /// <summary>Width of the head with its hair, in face-box widths, left out of the background (hair is not background).</summary>
    public double HairWidthPerFaceBox { get; set; } = 1.9;

    /// <summary>Hair above the face box, in face-box heights, left out of the background.</summary>
    public double HairHeightPerFaceBox { get; set; } = 0.6;

    public bool IsValid(out string problem)
    {
        problem = !Share(MinHeadWidthShare, MaxHeadWidthShare) ? "MinHeadWidthShare..MaxHeadWidthShare must be 0..1, min below max"
            : !Share(MinFaceCentre, MaxFaceCentre) ? "MinFaceCentre..MaxFaceCentre must be 0..1, min below max"
            : !Share(MinEyeLine, MaxEyeLine) ? "MinEyeLine..MaxEyeLine must be 0..1, min below max"
            : !Share(MinBrightness, MaxBrightness) ? "MinBrightness..MaxBrightness must be 0..1, min below max"
            : MaxYaw is < 0 or > 90 || MaxRoll is < 0 or > 90 ? "MaxYaw and MaxRoll must be 0..90"
            : MinPitch is < -90 or > 90 || MaxPitch is < -90 or > 90 || MinPitch >= MaxPitch ? "MinPitch..MaxPitch must be -90..90, min below max"
            : HeadWidthPerFaceBox is <= 0 or > 5 || HairWidthPerFaceBox is <= 0 or > 5 || HairHeightPerFaceBox is < 0 or > 5 ? "HeadWidthPerFaceBox, HairWidthPerFaceBox and HairHeightPerFaceBox must be 0..5"
            : !Unit(MinEyeOpenScore) || !Unit(MinSharpness) || !Unit(MaxClippedShare) || !Unit(MaxBackgroundDeviation) || !Unit(MinBackgroundShare)
                ? "MinEyeOpenScore, MinSharpness, MaxClippedShare, MaxBackgroundDeviation and MinBackgroundShare must be 0..1"
            : MinDynamicRange is < 0 or > 255 ? "MinDynamicRange must be 0..255"
            : "";
        return problem.Length == 0;
    }

    private static bool Unit(double value) => value is >= 0 and <= 1;

    private static bool Share(double min, double max) => Unit(min) && Unit(max) && min < max;
}
