namespace LunaPoint.Modules.Notifications.Evaluation;

/// <summary>The limits and features a <c>licenseLimitReached</c> fact names, as people read them in a title.</summary>
internal static class LicenceLimits
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["maxStreams"] = "streams",
        ["maxFacesWithDescriptors"] = "faces with descriptors",
        ["largeLists"] = "large watchlists",
        ["liveness"] = "liveness",
        ["isoChecks"] = "ISO/IEC 19794-5 checks",
        ["bodies"] = "body detection",
    };

    /// <summary>"license.maxStreams" → "streams"; a code this version does not know is shown as it came.</summary>
    public static string Name(string code)
    {
        var key = code.StartsWith("license.", StringComparison.Ordinal) ? code["license.".Length..] : code;
        return Names.TryGetValue(key, out var name) ? name : code;
    }
}
