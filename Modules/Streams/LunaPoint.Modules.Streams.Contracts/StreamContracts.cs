using Mediator;

namespace LunaPoint.Modules.Streams.Contracts;

/// <summary>Where a stream's worker is, as the Stream service reports it.</summary>
public enum StreamState
{
    Pending,
    InProgress,
    Paused,
    Failed,
    Done,
}

/// <summary>How many streams exist and how many are enabled (the licence counts enabled ones).</summary>
public sealed record StreamUsage(int Total, int Enabled);

public sealed record GetStreamUsage : IQuery<StreamUsage>;

/// <summary>A stream's worker (Detection, step 4) reports what it is doing; kept with the stream and in its log.</summary>
public sealed record ReportStreamStatus(Guid StreamId, StreamState Status, string? Reason = null, DateTimeOffset? LastFrameAt = null, double? InputFps = null) : ICommand;

/// <summary>Facts of the Stream service. Detection starts and stops workers on them.</summary>
public sealed record StreamCreated(Guid StreamId, bool Enabled) : INotification;

public sealed record StreamChanged(Guid StreamId) : INotification;

public sealed record StreamEnabled(Guid StreamId) : INotification;

public sealed record StreamDisabled(Guid StreamId, string Reason) : INotification;

public sealed record StreamDeleted(Guid StreamId) : INotification;

public sealed record StreamStatusChanged(Guid StreamId, StreamState From, StreamState To, string? Reason) : INotification;

/// <summary>
/// A stream as its video worker needs it: the source unmasked (credentials included), so this answer
/// never leaves the process; reads for people go through the masked endpoints.
/// </summary>
/// <param name="Type">rtsp, http, udp, tcp, videofile, images or webcam.</param>
/// <param name="Status">Paused (licence) and done streams get no worker until they are started again.</param>
public sealed record StreamToAnalyse(
    Guid Id, string Name, string Type, string Source, bool Endless, string? LocationAddress, StreamSettings Settings, StreamState Status);

/// <summary>Every enabled stream, for the Detection supervisor's reconciliation.</summary>
public sealed record GetStreamsToAnalyse : IQuery<IReadOnlyList<StreamToAnalyse>>;

/// <summary>What Events keeps with an event and matches it against: no source, so safe to hold anywhere.</summary>
/// <param name="ListIds">The lists to match against; empty means every list.</param>
public sealed record StreamEventContext(Guid Id, string Name, string? LocationAddress, IReadOnlyList<Guid> ListIds);

/// <summary>A stream's event context; null when the stream does not exist (any more).</summary>
public sealed record GetStreamEventContext(Guid StreamId) : IQuery<StreamEventContext?>;

/// <summary>What Notifications watches to tell a camera that went dark: status, last frame, last error.</summary>
public sealed record StreamHealth(Guid Id, string Name, string? LocationAddress, bool Enabled, StreamState Status, DateTimeOffset? LastFrameAt, string? LastError);

/// <summary>Every stream's health (enabled or not), for the stream-down watcher.</summary>
public sealed record GetStreamHealth : IQuery<IReadOnlyList<StreamHealth>>;

/// <summary>Which of these stream ids do not exist (for validating rules that name streams).</summary>
public sealed record FindMissingStreams(IReadOnlyCollection<Guid> StreamIds) : IQuery<IReadOnlyList<Guid>>;
