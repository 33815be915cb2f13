namespace LunaPoint.Modules.Events.Features;

/// <summary>Settings of the archive, export, search and verify (<c>LunaPoint:Events:Search</c>).</summary>
internal sealed class EventSearchOptions
{
    public const string Section = "LunaPoint:Events:Search";

    /// <summary>The most rows one export answers (it streams, so this bounds time, not memory).</summary>
    public int ExportMaxRows { get; set; } = 1_000_000;

    /// <summary>The largest photo search and verify take, per photo (as the photo API's default).</summary>
    public long PhotoMaxBytes { get; set; } = 15 * 1024 * 1024;

    /// <summary>
    /// Events search with a filter the index cannot apply (list, face, matched, age, gender, liveness) takes
    /// this many of the best hits per asked candidate and keeps those the rows pass.
    /// </summary>
    public int FilteredOverfetch { get; set; } = 20;
}
