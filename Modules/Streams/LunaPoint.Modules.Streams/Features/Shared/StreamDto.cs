using LunaPoint.Modules.Streams.Contracts;

namespace LunaPoint.Modules.Streams.Features;

/// <summary>A stream as every read returns it (secrets masked).</summary>
internal sealed record StreamDto(
    Guid Id, string Name, string? Description, LocationSettings? Location, string Type, string Source, bool Enabled, bool Endless,
    StreamSettings Settings, string Status, string? LastError, DateTimeOffset? LastFrameAt, double? InputFps,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

internal sealed record StreamLogDto(DateTimeOffset At, string? From, string To, string? Reason);
