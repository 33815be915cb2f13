namespace LunaPoint.Modules.Notifications.Live;

/// <summary>An alert as REST and the live feed show it; image URLs are relative to the site.</summary>
internal sealed record AlertView(
    Guid Id,
    Guid RuleId,
    string RuleName,
    string Trigger,
    string Title,
    string? Details,
    DateTimeOffset OccurredAt,
    DateTimeOffset CreatedAt,
    Guid? StreamId,
    string? StreamName,
    string? Location,
    Guid? EventId,
    Guid? FaceId,
    string? FaceName,
    string? ExternalId,
    Guid? ListId,
    string? ListName,
    string? ListColor,
    double? Similarity,
    double? Age,
    string? Gender,
    string? Liveness,
    string? FaceImageUrl,
    string? MatchImageUrl,
    AcknowledgementView? Acknowledgement,
    DateTimeOffset? EscalatedAt);

internal sealed record AcknowledgementView(Guid AlertId, string By, DateTimeOffset At, string? Comment);

internal sealed record PauseView(bool Paused, string? By, DateTimeOffset? At, DateTimeOffset? Until);
