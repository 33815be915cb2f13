using LunaPoint.Modules.Notifications.Domain;

namespace LunaPoint.Modules.Notifications.Features;

internal sealed record AlertRow(Alert Alert, bool HasFace);

internal static class AlertRows
{
    /// <summary>Alerts with every column but the face crop, and whether there is one: a page of alerts never loads its JPEGs.</summary>
    public static IQueryable<AlertRow> WithoutImage(IQueryable<Alert> rows) => rows.Select(a => new AlertRow(
        new Alert
        {
            Id = a.Id, RuleId = a.RuleId, RuleName = a.RuleName, Trigger = a.Trigger, OccurredAt = a.OccurredAt, CreatedAt = a.CreatedAt,
            Title = a.Title, Details = a.Details, StreamId = a.StreamId, StreamName = a.StreamName, Location = a.Location,
            EventId = a.EventId, TrackId = a.TrackId, FaceId = a.FaceId, FaceName = a.FaceName, ExternalId = a.ExternalId,
            ListId = a.ListId, ListName = a.ListName, ListColor = a.ListColor, Similarity = a.Similarity, Age = a.Age,
            Gender = a.Gender, Liveness = a.Liveness, AcknowledgedAt = a.AcknowledgedAt, AcknowledgedBy = a.AcknowledgedBy,
            AcknowledgeComment = a.AcknowledgeComment, EscalateAt = a.EscalateAt, EscalatedAt = a.EscalatedAt,
        },
        a.FaceJpeg != null));
}
