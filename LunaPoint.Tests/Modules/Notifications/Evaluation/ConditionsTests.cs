using LunaPoint.Modules.Events.Contracts;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Modules.Notifications.Evaluation;

namespace LunaPoint.Tests.Modules.Notifications.Evaluation;

/// <summary>The rule conditions as tables: streams, lists, similarity, notify flag, age, gender, weekly schedule in IANA zones.</summary>
public sealed class ConditionsTests
{
    private static readonly Guid StreamA = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid StreamB = Guid.Parse("00000000-0000-0000-0000-0000000000b2");
    private static readonly Guid Staff = Guid.Parse("00000000-0000-0000-0000-00000000057a");
    private static readonly Guid Vip = Guid.Parse("00000000-0000-0000-0000-000000000019");

    [Theory]
    [InlineData(null, "a1", true)]
    [InlineData("", "a1", true)]
    [InlineData("a1", "a1", true)]
    [InlineData("a1,b2", "b2", true)]
    [InlineData("b2", "a1", false)]
    public void StreamAllowed(string? allowed, string stream, bool expected) =>
        Assert.Equal(expected, Conditions.StreamAllowed(new RuleConditions { StreamIds = Ids(allowed) }, Id(stream)));

    [Theory]
    [InlineData(null, null, null, true)]
    [InlineData(null, null, 40.0, true)]
    [InlineData(18, null, null, false)] // a range asks for a known age
    [InlineData(18, 30, 18.0, true)]
    [InlineData(18, 30, 30.0, true)]
    [InlineData(18, 30, 30.4, false)]
    [InlineData(18, 30, 17.9, false)]
    [InlineData(null, 30, 5.0, true)]
    [InlineData(60, null, 59.0, false)]
    public void AgeAllowed(int? min, int? max, double? age, bool expected) =>
        Assert.Equal(expected, Conditions.AgeAllowed(new RuleConditions { MinAge = min, MaxAge = max }, age));

    [Theory]
    [InlineData(null, null, true)]
    [InlineData(null, "male", true)]
    [InlineData("female", "female", true)]
    [InlineData("female", "Female", true)]
    [InlineData("female", "male", false)]
    [InlineData("female", null, false)]
    public void GenderAllowed(string? wanted, string? seen, bool expected) =>
        Assert.Equal(expected, Conditions.GenderAllowed(new RuleConditions { Gender = wanted }, seen));

    [Theory]
    // candidates, best first: Jane (Staff 0.93, notify), Bob (VIP 0.88, notify), Quiet (Staff 0.80, notify off)
    [InlineData(null, null, "Jane")]
    [InlineData("vip", null, "Bob")]
    [InlineData("staff", 0.95, null)]
    [InlineData("staff,vip", 0.90, "Jane")]
    [InlineData(null, 0.90, "Jane")]
    [InlineData("vip", 0.90, null)]
    public void BestCandidate(string? lists, double? minSimilarity, string? expected)
    {
        MatchedFace[] candidates =
        [
            Face("Jane", Staff, 0.93, notify: true),
            Face("Bob", Vip, 0.88, notify: true),
            Face("Quiet", Staff, 0.80, notify: false),
        ];
        var listIds = lists?.Split(',').Select(l => l == "staff" ? Staff : Vip).ToList();

        var best = Conditions.BestCandidate(new RuleConditions { ListIds = listIds, MinSimilarity = minSimilarity }, candidates);

        Assert.Equal(expected, best?.Name);
    }

    [Fact]
    public void BestCandidate_OfAListWithNotifyOff_IsNone() =>
        Assert.Null(Conditions.BestCandidate(new RuleConditions(), [Face("Quiet", Staff, 0.99, notify: false)]));

    [Theory]
    // Mon–Fri 09:00–17:00 in Europe/Berlin (UTC+1 in winter, UTC+2 in summer).
    [InlineData("2026-11-30T08:00:00Z", "Europe/Berlin", true)]    // Monday 09:00 CET: From is included
    [InlineData("2026-11-30T07:59:59Z", "Europe/Berlin", false)]   // Monday 08:59:59 CET
    [InlineData("2026-11-30T16:00:00Z", "Europe/Berlin", false)]   // Monday 17:00 CET: To is excluded
    [InlineData("2026-07-06T07:30:00Z", "Europe/Berlin", true)]    // Monday 09:30 CEST (would be 08:30 in winter time)
    [InlineData("2026-07-06T15:30:00Z", "Europe/Berlin", false)]   // Monday 17:30 CEST
    [InlineData("2026-12-05T10:00:00Z", "Europe/Berlin", false)]   // Saturday
    [InlineData("2026-11-30T23:30:00Z", "Europe/Berlin", false)]   // Tuesday 00:30 local, Monday in UTC
    // The same schedule in another zone: New York is UTC-5 in winter.
    [InlineData("2026-11-30T14:00:00Z", "America/New_York", true)] // Monday 09:00 EST
    [InlineData("2026-11-30T13:59:00Z", "America/New_York", false)] // Monday 08:59 EST
    [InlineData("2026-12-05T02:00:00Z", "America/New_York", false)] // Friday 21:00 EST, Saturday in UTC
    [InlineData("2026-12-04T21:59:00Z", "America/New_York", true)] // Friday 16:59 EST
    public void InSchedule_WorkingHours(string at, string zone, bool expected)
    {
        var schedule = new RuleSchedule
        {
            Days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            From = new TimeOnly(9, 0),
            To = new TimeOnly(17, 0),
            TimeZone = zone,
        };

        Assert.Equal(expected, Conditions.InSchedule(schedule, DateTimeOffset.Parse(at), TimeZones.ForSchedule(zone, "UTC")));
    }

    [Theory]
    // 29 March 2026: Berlin moves from 02:00 CET to 03:00 CEST. A 01:00–04:00 window is two hours long that night.
    [InlineData("2026-03-29T00:30:00Z", true)]  // 01:30 CET
    [InlineData("2026-03-29T01:00:00Z", true)]  // 03:00 CEST (02:00 local never happened)
    [InlineData("2026-03-29T01:59:00Z", true)]  // 03:59 CEST
    [InlineData("2026-03-29T02:00:00Z", false)] // 04:00 CEST
    [InlineData("2026-03-28T03:00:00Z", false)] // Saturday 04:00 CET: a UTC-offset-blind check would say 03:00 and pass
    [InlineData("2026-03-28T02:30:00Z", true)]  // Saturday 03:30 CET
    public void InSchedule_OnTheDstDay_UsesTheLocalTimeOfThatMoment(string at, bool expected)
    {
        var schedule = new RuleSchedule { Days = [DayOfWeek.Saturday, DayOfWeek.Sunday], From = new TimeOnly(1, 0), To = new TimeOnly(4, 0) };

        // No zone on the schedule: the module's TimeZone setting applies.
        Assert.Equal(expected, Conditions.InSchedule(schedule, DateTimeOffset.Parse(at), TimeZones.ForSchedule(schedule.TimeZone, "Europe/Berlin")));
    }

    [Fact]
    public void InSchedule_NoSchedule_AlwaysAndNoDaysMeansEveryDay()
    {
        Assert.True(Conditions.InSchedule(null, DateTimeOffset.Parse("2026-12-05T03:00:00Z"), TimeZoneInfo.Utc));
        var allDays = new RuleSchedule { From = new TimeOnly(2, 0), To = new TimeOnly(4, 0) };
        Assert.True(Conditions.InSchedule(allDays, DateTimeOffset.Parse("2026-12-05T03:00:00Z"), TimeZoneInfo.Utc));
        Assert.False(Conditions.InSchedule(allDays, DateTimeOffset.Parse("2026-12-05T05:00:00Z"), TimeZoneInfo.Utc));
    }

    [Theory]
    [InlineData("Asia/Kolkata", "Asia/Kolkata")]
    [InlineData(null, "Europe/Berlin")]
    [InlineData("Not/AZone", "Europe/Berlin")]
    public void ScheduleZone_TheRulesOwnElseTheSetting(string? rule, string expected) =>
        Assert.Equal(expected, TimeZones.ForSchedule(rule, "Europe/Berlin").Id);

    [Fact]
    public void MatchTitle_NamesPersonListSimilarityAndStream()
    {
        var rule = new NotificationRule { Id = Guid.NewGuid(), Name = "staff at the door" };
        var shot = new EventShot(Guid.NewGuid(), StreamA, "Front door", "Main st 1", Guid.NewGuid(), DateTimeOffset.Parse("2026-11-30T08:00:00Z"),
            [0xFF, 0xD8], 0.9, 34.4, "female", "real", 0.97);

        var alert = AlertFactory.Match(rule, shot, Face("Jane Doe", Staff, 0.926, notify: true), new AlertContext(DateTimeOffset.UtcNow, "Europe/Berlin"));

        Assert.Equal("Jane Doe (Staff, 92.6%) at Front door", alert.Title);
        Assert.Contains("Time: 2026-11-30 09:00:00 (Europe/Berlin)", alert.Details);
        Assert.Contains("Liveness: real (0.97)", alert.Details);
        Assert.Equal(("Front door", "Main st 1", "#ff0000", 0.926, 34.4, "female"), (alert.StreamName, alert.Location, alert.ListColor, alert.Similarity, alert.Age, alert.Gender));
        Assert.Equal(shot.FaceJpeg, alert.FaceJpeg);
    }

    private static MatchedFace Face(string name, Guid list, double similarity, bool notify) =>
        new(Guid.NewGuid(), name, null, list, list == Staff ? "Staff" : "VIP", "#ff0000", notify, similarity);

    private static Guid Id(string shortId) => shortId == "a1" ? StreamA : StreamB;

    private static List<Guid>? Ids(string? ids) => ids is null ? null : ids.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Id).ToList();
}
