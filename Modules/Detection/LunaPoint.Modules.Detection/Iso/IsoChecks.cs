using LunaPoint.Modules.Detection.Contracts;

namespace LunaPoint.Modules.Detection.Iso;

/// <summary>How every check is written: a value held to optional limits, or not measured and why.</summary>
internal static class IsoChecks
{
    public const string NotMeasured = "not measured";

    /// <summary>A value that is not a finite number (a degenerate box or points) is reported as not measured: JSON cannot carry NaN.</summary>
    public static IsoCheck Within(string name, double value, double? min, double? max, string? detail = null) =>
        double.IsFinite(value)
            ? new(name, value, min, max, (min is null || value >= min) && (max is null || value <= max), detail)
            : Unmeasured(name, min, max, "the face's box or points give no finite value");

    public static IsoCheck Unmeasured(string name, double? min, double? max, string why) =>
        new(name, null, min, max, null, $"{NotMeasured}: {why}");
}
