using LunaPoint.Modules.Notifications.Channels.Email;
using LunaPoint.Modules.Notifications.Channels.Telegram;
using LunaPoint.Modules.Notifications.Domain;

namespace LunaPoint.Tests.Modules.Notifications.Channels;

/// <summary>What an e-mail and a Telegram message say: escalations say so; face facts appear once.</summary>
public sealed class AlertMessageTests
{
    [Fact]
    public void Escalation_Email_SubjectAndBodySayNotAcknowledged()
    {
        var alert = AlertSamples.Match();
        var first = AlertSamples.To(alert, ChannelType.Email, "guard@example.com");
        var escalation = AlertSamples.To(alert, ChannelType.Email, "boss@example.com");

        var original = Mail(first, alert);
        var escalated = Mail(Escalated(escalation), alert);

        Assert.Equal(alert.Title, original.Subject);
        Assert.Equal("Not acknowledged: " + alert.Title, escalated.Subject);
        Assert.Contains("Not acknowledged in time", escalated.TextBody);
        Assert.Contains("Not acknowledged in time", escalated.HtmlBody);
        Assert.DoesNotContain("Not acknowledged", original.TextBody);
        Assert.DoesNotContain("Not acknowledged", original.HtmlBody);
    }

    [Fact]
    public void Escalation_Telegram_CaptionSaysNotAcknowledged()
    {
        var alert = AlertSamples.Match();

        var original = TelegramCaption.Build(alert, escalation: false, TimeZoneInfo.Utc, null, TelegramCaption.PhotoCaptionLimit);
        var escalated = TelegramCaption.Build(alert, escalation: true, TimeZoneInfo.Utc, null, TelegramCaption.PhotoCaptionLimit);

        Assert.StartsWith("<b>Jane Doe (Staff) at Front door</b>", original);
        Assert.StartsWith("<b>Not acknowledged: Jane Doe (Staff) at Front door</b>", escalated);
        Assert.Contains("Not acknowledged in time", escalated);
        Assert.DoesNotContain("Not acknowledged", original);
    }

    [Fact]
    public void FaceAlert_ShowsEachFactOnce_WithoutTheCopiedDetails()
    {
        var alert = Copy(AlertSamples.Match(), details: "Person: Jane Doe\nList: Staff\nSimilarity: 87%");

        var mail = Mail(AlertSamples.To(alert, ChannelType.Email, "guard@example.com"), alert);
        var caption = TelegramCaption.Build(alert, escalation: false, TimeZoneInfo.Utc, null, TelegramCaption.PhotoCaptionLimit);

        foreach (var text in new[] { mail.TextBody!, mail.HtmlBody!, caption })
        {
            Assert.Single(Occurrences(text, "Similarity"));
            Assert.Contains("87.3%", text);
            Assert.DoesNotContain("87%", text);
        }
    }

    [Fact]
    public void StreamAlert_KeepsItsDetails_TheReason()
    {
        var alert = Copy(AlertSamples.Match(), details: "Reason: connection refused\nDown since: 2026-07-01 10:15:00 (UTC)", trigger: AlertTrigger.StreamDown);

        var mail = Mail(AlertSamples.To(alert, ChannelType.Email, "guard@example.com"), alert);
        var caption = TelegramCaption.Build(alert, escalation: false, TimeZoneInfo.Utc, null, TelegramCaption.PhotoCaptionLimit);

        Assert.Contains("Reason: connection refused", mail.TextBody);
        Assert.Contains("Reason: connection refused", mail.HtmlBody);
        Assert.Contains("Reason: connection refused", caption);
    }

    private static MimeKit.MimeMessage Mail(Delivery delivery, Alert alert) =>
        AlertMail.Build(delivery, alert, new AlertImages(null, null), ChannelsHost.From, TimeZoneInfo.Utc, null);

    private static Delivery Escalated(Delivery d) => new()
    {
        Id = d.Id, AlertId = d.AlertId, RuleId = d.RuleId, Channel = d.Channel, Recipient = d.Recipient, Target = d.Target,
        CreatedAt = d.CreatedAt, NextAttemptAt = d.NextAttemptAt, Escalation = true,
    };

    private static Alert Copy(Alert a, string details, AlertTrigger? trigger = null) => new()
    {
        Id = a.Id, RuleId = a.RuleId, RuleName = a.RuleName, Trigger = trigger ?? a.Trigger, OccurredAt = a.OccurredAt, CreatedAt = a.CreatedAt,
        Title = a.Title, Details = details, StreamId = a.StreamId, StreamName = a.StreamName, Location = a.Location, EventId = a.EventId,
        FaceId = a.FaceId, FaceName = a.FaceName, ListId = a.ListId, ListName = a.ListName, ListColor = a.ListColor, Similarity = a.Similarity,
    };

    private static IEnumerable<int> Occurrences(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            yield return at;
        }
    }
}
