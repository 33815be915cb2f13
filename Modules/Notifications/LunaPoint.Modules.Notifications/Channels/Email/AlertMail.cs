using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using LunaPoint.Modules.Notifications.Domain;
using MimeKit;

namespace LunaPoint.Modules.Notifications.Channels.Email;

/// <summary>The images an alert e-mail carries inline: the shot's face crop and the enrolled photo of the matched face.</summary>
internal sealed record AlertImages(byte[]? FaceCrop, byte[]? EnrolledPhoto);

/// <summary>
/// Builds the alert e-mail: plain text and HTML alternatives (every value HTML-encoded: names are typed by
/// whoever enrols a face or names a stream), the images inline by Content-ID, and a Message-Id made from
/// the delivery id, so a retry after a lost reply is recognisably the same message.
/// </summary>
internal static partial class AlertMail
{
    public const string FaceCropName = "face.jpg";
    public const string EnrolledPhotoName = "enrolled.jpg";

    public static MimeMessage Build(Delivery delivery, Alert alert, AlertImages images, string from, TimeZoneInfo zone, string? publicBaseUrl)
    {
        var sender = MailboxAddress.Parse(from);
        var domain = sender.Domain is { Length: > 0 } d ? d : "lunapoint.local";
        var message = new MimeMessage
        {
            Subject = AlertFacts.Title(alert, delivery.Escalation),
            MessageId = $"{delivery.Id:N}@{domain}",
            Date = alert.CreatedAt,
        };
        message.From.Add(sender);
        message.To.Add(MailboxAddress.Parse(delivery.Recipient));
        message.Headers.Add("X-LunaPoint-Delivery", delivery.Id.ToString());

        var facts = AlertFacts.Of(alert, zone);
        var link = AlertFacts.EventLink(alert, publicBaseUrl);
        var body = new BodyBuilder { TextBody = Text(alert, delivery.Escalation, facts, link) };
        var faceCid = Attach(body, images.FaceCrop, FaceCropName, $"face-{delivery.Id:N}@{domain}");
        var enrolledCid = Attach(body, images.EnrolledPhoto, EnrolledPhotoName, $"enrolled-{delivery.Id:N}@{domain}");
        body.HtmlBody = Html(alert, delivery.Escalation, facts, link, faceCid, enrolledCid);
        message.Body = body.ToMessageBody();
        return message;
    }

    private static string? Attach(BodyBuilder body, byte[]? jpeg, string name, string contentId)
    {
        if (jpeg is not { Length: > 0 })
        {
            return null;
        }

        var part = body.LinkedResources.Add(name, jpeg, new ContentType("image", "jpeg"));
        part.ContentId = contentId;
        return contentId;
    }

    private static string Text(Alert alert, bool escalation, IReadOnlyList<AlertFact> facts, string? link)
    {
        var text = new StringBuilder().AppendLine(AlertFacts.Title(alert, escalation)).AppendLine();
        if (escalation)
        {
            text.AppendLine(AlertFacts.EscalationNote).AppendLine();
        }

        foreach (var fact in facts)
        {
            text.Append(fact.Label).Append(": ").AppendLine(fact.Value);
        }

        if (AlertFacts.ExtraDetails(alert) is { } details)
        {
            text.AppendLine().AppendLine(details);
        }

        return link is null ? text.ToString() : text.AppendLine().Append("Event: ").AppendLine(link).ToString();
    }

    private static string Html(Alert alert, bool escalation, IReadOnlyList<AlertFact> facts, string? link, string? faceCid, string? enrolledCid)
    {
        static string E(string? value) => WebUtility.HtmlEncode(value ?? "");
        var html = new StringBuilder("<!DOCTYPE html><html><body>");
        var colour = alert.ListColor is { } c && HexColour().IsMatch(c) ? $" style=\"border-left:6px solid {c};padding-left:8px\"" : "";
        html.Append("<h2").Append(colour).Append('>').Append(E(AlertFacts.Title(alert, escalation))).Append("</h2>");
        if (escalation)
        {
            html.Append("<p><strong>").Append(E(AlertFacts.EscalationNote)).Append("</strong></p>");
        }

        if (faceCid is not null || enrolledCid is not null)
        {
            html.Append("<p>");
            AppendImage(html, faceCid, "Face seen");
            AppendImage(html, enrolledCid, "Enrolled photo");
            html.Append("</p>");
        }

        html.Append("<table>");
        foreach (var fact in facts)
        {
            html.Append("<tr><th align=\"left\">").Append(E(fact.Label)).Append("</th><td>").Append(E(fact.Value)).Append("</td></tr>");
        }

        html.Append("</table>");
        if (AlertFacts.ExtraDetails(alert) is { } details)
        {
            html.Append("<p>").Append(E(details).ReplaceLineEndings("<br>")).Append("</p>");
        }

        if (link is not null)
        {
            html.Append("<p><a href=\"").Append(E(link)).Append("\">Open the event</a></p>");
        }

        return html.Append("</body></html>").ToString();
    }

    private static void AppendImage(StringBuilder html, string? contentId, string alt)
    {
        if (contentId is not null)
        {
            html.Append("<img src=\"cid:").Append(WebUtility.HtmlEncode(contentId)).Append("\" alt=\"").Append(alt).Append("\" width=\"160\"> ");
        }
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColour();
}
