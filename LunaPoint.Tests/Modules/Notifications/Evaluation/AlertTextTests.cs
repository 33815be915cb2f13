using System.Text;
using LunaPoint.Modules.Licensing.Contracts;
using LunaPoint.Modules.Notifications.Channels;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Modules.Notifications.Evaluation;

namespace LunaPoint.Tests.Modules.Notifications.Evaluation;

/// <summary>Titles and details as alerts store them: cut safely, one similarity rounding, readable licence limits.</summary>
public sealed class AlertTextTests
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly AlertContext Context = new(DateTimeOffset.UtcNow, "UTC");
    private static readonly NotificationRule Rule = new() { Id = Guid.NewGuid(), Name = "rule", Trigger = AlertTrigger.WatchlistMatch };

    [Fact]
    public void Cut_AnEmojiAtTheBoundary_IsNotSplit()
    {
        var text = new string('a', 8) + "😀" + "bbbb";

        var cut = Text.Cut(text, 10)!;

        Assert.Equal(new string('a', 8) + "…", cut);
        Assert.True(cut.Length <= 10);
        Strict.GetBytes(cut);
        Assert.Equal(text, Text.Cut(text, 14));
    }

    [Fact]
    public void AlertTitlesAndNames_WithEmojiAtTheColumnLength_StayValidText()
    {
        var name = new string('x', 198) + "😀😀";
        var shot = EvaluationKit.Shot() with { StreamName = name };
        var face = EvaluationKit.Face(name: name);

        var alert = AlertFactory.Match(Rule, shot, face, Context);

        foreach (var value in new[] { alert.Title, alert.StreamName!, alert.FaceName!, alert.Details! })
        {
            Strict.GetBytes(value);
        }

        // 198 + the emoji's first half would be 199: the half is dropped with the rest.
        Assert.Equal(new string('x', 198) + "…", alert.StreamName);
    }

    [Fact]
    public void Similarity_IsRoundedTheSameInTitleDetailsAndMessages()
    {
        var alert = AlertFactory.Match(Rule, EvaluationKit.Shot(), EvaluationKit.Face(similarity: 0.9994), Context);

        Assert.Contains("(Staff, 99.9%)", alert.Title);
        Assert.Contains("Similarity: 99.9%", alert.Details);
        Assert.Equal("99.9%", Assert.Single(AlertFacts.Of(alert, TimeZoneInfo.Utc), f => f.Label == "Similarity").Value);
        Assert.Equal("93%", Text.Percent(0.93));
    }

    [Theory]
    [InlineData("license.maxStreams", "Licence limit reached: streams")]
    [InlineData("license.maxFacesWithDescriptors", "Licence limit reached: faces with descriptors")]
    [InlineData("license.largeLists", "Licence limit reached: large watchlists")]
    [InlineData("license.somethingNew", "Licence limit reached: license.somethingNew")]
    public void LicenceLimitReached_TitleNamesTheLimitReadably(string code, string title)
    {
        var alert = SystemAlerts.LimitReached(Rule, new LicenseLimitReached(code, "The licence allows 4 streams."), Context);

        Assert.Equal(title, alert.Title);
        Assert.Equal("The licence allows 4 streams.", alert.Details);
    }
}
