namespace LunaPoint.Modules.Events.Enrolment;

/// <summary>Limits of watchlist enrolment: photos, zip archives and descriptor imports (<c>LunaPoint:Events:Enrolment</c>).</summary>
internal sealed class EnrolmentOptions
{
    public const string Section = "LunaPoint:Events:Enrolment";

    /// <summary>Faces a list may hold without the licence's <c>largeLists</c>.</summary>
    public const int LargeListFaces = 100_000;

    /// <summary>What <see cref="LargeListFaces"/> is in force; a setting only so tests can reach it cheaply.</summary>
    public int FacesPerListWithoutLargeLists { get; set; } = LargeListFaces;

    /// <summary>Largest enrolment photo in bytes (413 past it); Detection's own photo limits apply too.</summary>
    public long MaxPhotoBytes { get; set; } = 15 * 1024 * 1024;

    /// <summary>Largest zip archive in bytes. The host reads a form before the endpoint (text guard), so its own body cap applies too.</summary>
    public long MaxArchiveBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Entries a zip may hold (files, folders, junk alike); one more refuses the archive.</summary>
    public int MaxArchiveEntries { get; set; } = 10_000;

    /// <summary>Largest photo in a zip once inflated; a larger entry is a per-file error.</summary>
    public long MaxEntryBytes { get; set; } = 15 * 1024 * 1024;

    /// <summary>Inflated/compressed ratio past which an entry is treated as a zip bomb (photos hardly compress).</summary>
    public int MaxCompressionRatio { get; set; } = 50;

    /// <summary>All entries inflated together; the rest are refused once it is reached.</summary>
    public long MaxArchiveInflatedBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>Largest people CSV in bytes.</summary>
    public long MaxCsvBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Longest NDJSON line in bytes (a descriptor line is about 2.9 KB); a longer line is that line's error.</summary>
    public int MaxLineBytes { get; set; } = 16 * 1024;

    /// <summary>Largest NDJSON body in bytes.</summary>
    public long MaxImportBytes { get; set; } = 16L * 1024 * 1024 * 1024;

    /// <summary>Lines written per transaction (and added to the index after each commit).</summary>
    public int ImportBatchSize { get; set; } = 10_000;

    /// <summary>Per-line errors and per-file report rows answered at most (the counts stay exact).</summary>
    public int MaxReportedErrors { get; set; } = 1_000;
}
