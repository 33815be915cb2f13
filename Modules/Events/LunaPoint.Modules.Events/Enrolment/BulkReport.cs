namespace LunaPoint.Modules.Events.Enrolment;

/// <summary>One line of an NDJSON import that was not imported: its number (from 1), the field at fault and why.</summary>
internal sealed record LineError(int Line, string Field, string Error);

/// <summary>What a descriptor import did.</summary>
/// <param name="Lines">Lines read (blank lines are not counted).</param>
/// <param name="Refused">Good lines not imported because the licence (maxFacesWithDescriptors) or the list size (largeLists) was reached.</param>
/// <param name="Errors">The failed and refused lines, the first <c>MaxReportedErrors</c> of them.</param>
internal sealed record ImportReport(long Lines, long Imported, long Failed, long Refused, IReadOnlyList<LineError> Errors, bool ErrorsTruncated);

/// <summary>One file of a zip enrolment: created (with the face), failed or refused (with why), or skipped.</summary>
internal sealed record FileReport(string File, string Status, Guid? FaceId = null, string? Error = null);

/// <param name="Files">Every entry, in archive order (the first <c>MaxReportedErrors</c> not created are listed; created ones always are).</param>
internal sealed record BulkReport(int Entries, int Created, int Failed, int Refused, IReadOnlyList<FileReport> Files);
