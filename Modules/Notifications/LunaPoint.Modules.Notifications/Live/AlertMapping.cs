using LunaPoint.Modules.Notifications.Domain;

namespace LunaPoint.Modules.Notifications.Live;

internal static class AlertMapping
{
    /// <summary>Trigger names as the API spells them (camelCase).</summary>
    public static string TriggerName(AlertTrigger trigger) => trigger switch
    {
        AlertTrigger.WatchlistMatch => "watchlistMatch",
        AlertTrigger.UnknownFace => "unknownFace",
        AlertTrigger.LivenessSpoof => "livenessSpoof",
        AlertTrigger.StreamDown => "streamDown",
        AlertTrigger.StreamUp => "streamUp",
        AlertTrigger.LicenseExpiring => "licenseExpiring",
        _ => "licenseLimitReached",
    };

    public static string ChannelName(ChannelType channel) => channel.ToString().ToLowerInvariant();

    public static string StatusName(DeliveryStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>
    /// The view of an alert; <paramref name="hasFace"/> says whether it carries a face crop (lists project
    /// it rather than loading every JPEG). Images are served by <c>/api/v1/alerts/{id}/face.jpg</c> and,
    /// for matches, <c>/api/v1/alerts/{id}/match.jpg</c> (the enrolled photo).
    /// </summary>
    public static AlertView ToView(Alert a, bool hasFace) => new(
        a.Id, a.RuleId, a.RuleName, TriggerName(a.Trigger), a.Title, a.Details, a.OccurredAt, a.CreatedAt,
        a.StreamId, a.StreamName, a.Location, a.EventId, a.FaceId, a.FaceName, a.ExternalId,
        a.ListId, a.ListName, a.ListColor, a.Similarity, a.Age, a.Gender, a.Liveness,
        hasFace ? $"/api/v1/alerts/{a.Id}/face.jpg" : null,
        a.FaceId is not null ? $"/api/v1/alerts/{a.Id}/match.jpg" : null,
        a.AcknowledgedAt is { } at ? new AcknowledgementView(a.Id, a.AcknowledgedBy ?? "", at, a.AcknowledgeComment) : null,
        a.EscalatedAt);
}
