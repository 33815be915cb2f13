using FluentValidation;
using FluentValidation.Results;
using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Domain;

namespace LunaPoint.Modules.Events.Features;

/// <summary>
/// The archive's filters, shared by the list, the export, events search and the console page. Every
/// bound is inclusive; <c>from</c>/<c>to</c> are on the time the track started.
/// </summary>
internal sealed record EventFilter(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    Guid? StreamId = null,
    Guid? ListId = null,
    Guid? FaceId = null,
    bool? Matched = null,
    double? AgeFrom = null,
    double? AgeTo = null,
    string? Gender = null,
    string? Liveness = null)
{
    public static readonly string[] Genders = ["female", "male"];
    public static readonly string[] LivenessStates = ["real", "spoof", "unknown"];

    public static readonly EventFilter None = new();

    /// <summary>Whether anything beyond time and stream is asked (what the event index cannot answer alone).</summary>
    public bool HasRowFilters => ListId is not null || FaceId is not null || Matched is not null || AgeFrom is not null
        || AgeTo is not null || Gender is not null || Liveness is not null;

    /// <summary>The filter with its text values lower-cased, or a 400 naming the first bad field.</summary>
    public EventFilter Checked()
    {
        var failures = new List<ValidationFailure>();
        if (From is { } from && To is { } to && from > to)
        {
            failures.Add(new ValidationFailure("from", "from must not be later than to."));
        }

        if (AgeFrom is < 0 or > 150 || AgeFrom is { } af && !double.IsFinite(af))
        {
            failures.Add(new ValidationFailure("ageFrom", "ageFrom must be between 0 and 150."));
        }

        if (AgeTo is < 0 or > 150 || AgeTo is { } at && !double.IsFinite(at))
        {
            failures.Add(new ValidationFailure("ageTo", "ageTo must be between 0 and 150."));
        }

        if (AgeFrom is { } low && AgeTo is { } high && low > high)
        {
            failures.Add(new ValidationFailure("ageFrom", "ageFrom must not be more than ageTo."));
        }

        var gender = Normalise(Gender);
        if (gender is not null && !Genders.Contains(gender))
        {
            failures.Add(new ValidationFailure("gender", "gender must be female or male."));
        }

        var liveness = Normalise(Liveness);
        if (liveness is not null && !LivenessStates.Contains(liveness))
        {
            failures.Add(new ValidationFailure("liveness", "liveness must be real, spoof or unknown."));
        }

        return failures.Count > 0 ? throw new ValidationException(failures) : this with { Gender = gender, Liveness = liveness };
    }

    /// <summary>The rows this filter keeps (call <see cref="Checked"/> first).</summary>
    public IQueryable<DetectionEvent> Apply(IQueryable<DetectionEvent> rows, EventsDbContext db)
    {
        rows = From is { } from ? rows.Where(e => e.StartedAt >= from) : rows;
        rows = To is { } to ? rows.Where(e => e.StartedAt <= to) : rows;
        rows = StreamId is { } stream ? rows.Where(e => e.StreamId == stream) : rows;
        rows = ListId is { } list ? rows.Where(e => db.EventMatches.Any(m => m.EventId == e.Id && m.ListId == list)) : rows;
        rows = FaceId is { } face ? rows.Where(e => db.EventMatches.Any(m => m.EventId == e.Id && m.FaceId == face)) : rows;
        rows = Matched is { } matched ? rows.Where(e => (e.TopFaceId != null) == matched) : rows;
        rows = AgeFrom is { } ageFrom ? rows.Where(e => e.Age >= ageFrom) : rows;
        rows = AgeTo is { } ageTo ? rows.Where(e => e.Age <= ageTo) : rows;
        rows = Gender is { } gender ? rows.Where(e => e.Gender == gender) : rows;
        rows = Liveness is { } liveness ? rows.Where(e => e.Liveness == liveness) : rows;
        return rows;
    }

    private static string? Normalise(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();
}
