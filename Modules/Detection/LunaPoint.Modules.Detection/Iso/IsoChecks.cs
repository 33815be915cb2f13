using LunaPoint.Modules.Detection.Contracts;

namespace LunaPoint.Modules.Detection.Iso;

/// <summary>How every check is written: a value held to optional limits, or not measured and why.</summary>
internal static class IsoChecks
{
    public const string NotMeasured = "not measured";

    public static IsoCheck Within(string name, double value, double? min, double? max, string? detail = null) =>
        new(name, value, min, max, (min is null || value >= min) && (max is null || value <= max), detail);

    public static IsoCheck Unmeasured(string name, double? min, double? max, string why) =>
        new(name, null, min, max, null, $"{NotMeasured}: {why}");
}
