using System.Globalization;
using System.Text;
using LunaPoint.Modules.Events.Contracts;
using LunaPoint.Modules.Notifications.Domain;

namespace LunaPoint.Modules.Notifications.Evaluation;

/// <summary>Builds the alerts of face facts: a title for subjects and captions, details lines, and every field channels show.</summary>
internal static class AlertFactory
{
    public static Alert Match(NotificationRule rule, EventShot shot, MatchedFace face, AlertContext context) =>
        Build(rule, AlertTrigger.WatchlistMatch, shot, face, $"{Person(face)} at {Place(shot)}", context);

    public static Alert Unknown(NotificationRule rule, EventShot shot, AlertContext context) =>
        Build(rule, AlertTrigger.UnknownFace, shot, null, $"Unknown face at {Place(shot)}", context);

    public static Alert Spoof(NotificationRule rule, EventShot shot, MatchedFace? face, AlertContext context) =>
        Build(rule, AlertTrigger.LivenessSpoof, shot, face,
            face is null ? $"Liveness spoof at {Place(shot)}" : $"Liveness spoof: {Person(face)} at {Place(shot)}", context);

    /// <summary>"Jane Doe (Staff, 92.6%)".</summary>
    public static string Person(MatchedFace face) => $"{face.Name} ({face.ListName}, {Text.Percent(face.Similarity)})";

    private static string Place(EventShot shot) => shot.StreamName ?? shot.Location ?? "an unknown stream";

    private static Alert Build(NotificationRule rule, AlertTrigger trigger, EventShot shot, MatchedFace? face, string title, AlertContext context) => new()
    {
        Id = context.NewId(),
        RuleId = rule.Id,
        RuleName = rule.Name,
        Trigger = trigger,
        OccurredAt = shot.CapturedAt,
        CreatedAt = context.Now,
        Title = Text.Cut(title, 500)!,
        Details = Details(shot, face, context),
        StreamId = shot.StreamId,
        StreamName = Text.Cut(shot.StreamName, 200),
        Location = Text.Cut(shot.Location, 500),
        EventId = shot.EventId,
        TrackId = shot.TrackId,
        FaceId = face?.FaceId,
        FaceName = Text.Cut(face?.Name, 200),
        ExternalId = Text.Cut(face?.ExternalId, 200),
        ListId = face?.ListId,
        ListName = Text.Cut(face?.ListName, 200),
        ListColor = face?.ListColor is { Length: <= 7 } color ? color : null,
        Similarity = face?.Similarity,
        Age = shot.Age,
        Gender = Text.Cut(shot.Gender, 16),
        Liveness = Text.Cut(shot.Liveness, 16),
        FaceJpeg = shot.FaceJpeg is { Length: > 0 } jpeg ? jpeg : null,
    };

    private static string Details(EventShot shot, MatchedFace? face, AlertContext context)
    {
        var lines = new StringBuilder();
        if (face is not null)
        {
            Text.Line(lines, "Person", face.ExternalId is null ? face.Name : $"{face.Name} ({face.ExternalId})");
            Text.Line(lines, "List", face.ListName);
            Text.Line(lines, "Similarity", Text.Percent(face.Similarity));
        }

        Text.Line(lines, "Stream", shot.StreamName);
        Text.Line(lines, "Location", shot.Location);
        Text.Line(lines, "Time", Text.LocalTime(shot.CapturedAt, context.DisplayZone));
        Text.Line(lines, "Age", shot.Age is { } age ? age.ToString("0", CultureInfo.InvariantCulture) : null);
        Text.Line(lines, "Gender", shot.Gender);
        Text.Line(lines, "Liveness", shot.Liveness is null ? null
            : shot.LivenessScore is { } score ? string.Create(CultureInfo.InvariantCulture, $"{shot.Liveness} ({score:0.00})") : shot.Liveness);
        return Text.Cut(lines.ToString().TrimEnd(), 4000)!;
    }
}
