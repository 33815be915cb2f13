using Mediator;

namespace LunaPoint.Modules.Auth.Contracts;

/// <summary>
/// Appends one entry to the audit log. Any module sends it for its administrative actions; the actor,
/// IP address and user agent are taken from the current request when not given.
/// </summary>
/// <param name="Module">The module whose action this is, e.g. "Streams".</param>
/// <param name="Action">A stable dotted name, e.g. "stream.deleted".</param>
/// <param name="Target">What was acted on, e.g. "stream 6f1c…" or "user alice".</param>
/// <param name="Before">The state before, serialised to JSON (null for creations).</param>
/// <param name="After">The state after (null for deletions).</param>
public sealed record RecordAuditEntry(
    string Module,
    string Action,
    bool Succeeded = true,
    string? Target = null,
    object? Before = null,
    object? After = null,
    string? ActorName = null) : ICommand;
