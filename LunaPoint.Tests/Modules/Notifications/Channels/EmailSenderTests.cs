using System.Net.Http.Json;
using LunaPoint.Modules.Events.Contracts;
using LunaPoint.Modules.Notifications.Channels.Email;
using LunaPoint.Modules.Notifications.Dispatch;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Tests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace LunaPoint.Tests.Modules.Notifications.Channels;

public abstract class EmailSenderTests(ChannelsHost host)
{
    [Fact]
    public async Task Send_MatchAlert_ArrivesWithBothBodiesValuesAndTwoInlineImages()
    {
        await host.UseLoopbackSmtpAsync();
        var (faceId, enrolled) = await EnrolAsync();
        var crop = AlertSamples.Jpeg(1);
        var alert = AlertSamples.Match(faceId, crop);
        var to = $"guard-{Guid.NewGuid():N}@example.com";
        var delivery = AlertSamples.To(alert, ChannelType.Email, to);

        await host.SendAsync(ChannelType.Email, delivery, alert);

        var message = (await host.Smtp.WaitForAsync(1)).Single(m => m.To.Mailboxes.Any(b => b.Address == to));
        Assert.Equal(alert.Title, message.Subject);
        Assert.Equal($"{delivery.Id:N}@lunapoint.test", message.MessageId);
        Assert.Equal(ChannelsHost.From, message.From.Mailboxes.Single().Address);
        // 10:15:30 UTC is 12:15:30 in Berlin in July.
        foreach (var body in new[] { message.TextBody, message.HtmlBody })
        {
            Assert.NotNull(body);
            foreach (var value in new[] { "Jane Doe", "Staff", "87.3%", "Front door", "Main building, gate 2", "2026-07-01 12:15:30 (Europe/Berlin)", $"{ChannelsHost.PublicBaseUrl}/events/{alert.EventId}" })
            {
                Assert.Contains(value, body);
            }
        }

        var images = message.BodyParts.OfType<MimePart>().Where(p => p.ContentType.MimeType == "image/jpeg").ToList();
        Assert.Equal(2, images.Count);
        foreach (var image in images)
        {
            Assert.False(string.IsNullOrEmpty(image.ContentId));
            Assert.Contains($"cid:{image.ContentId}", message.HtmlBody);
        }

        Assert.Equal(crop, Bytes(images.Single(i => i.FileName == AlertMail.FaceCropName)));
        Assert.Equal(enrolled, Bytes(images.Single(i => i.FileName == AlertMail.EnrolledPhotoName)));
        Assert.All(images, i => Assert.Equal("multipart/related", FindParent(message.Body!, i)?.ContentType.MimeType));
    }

    [Fact]
    public async Task Send_HostileNames_AreHtmlEncoded()
    {
        await host.UseLoopbackSmtpAsync();
        var alert = AlertSamples.Match(faceName: AlertSamples.HostileName, streamName: "<img src=x onerror=alert(1)>");
        var to = $"guard-{Guid.NewGuid():N}@example.com";

        await host.SendAsync(ChannelType.Email, AlertSamples.To(alert, ChannelType.Email, to), alert);

        var html = (await host.Smtp.WaitForAsync(1)).Single(m => m.To.Mailboxes.Any(b => b.Address == to)).HtmlBody;
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Eve&quot;", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
    }

    [Fact]
    public async Task Send_RecipientRejectedWith550_IsPermanent()
    {
        await host.UseLoopbackSmtpAsync();
        var alert = AlertSamples.Match();
        var failure = await Assert.ThrowsAsync<DeliveryFailedException>(() =>
            host.SendAsync(ChannelType.Email, AlertSamples.To(alert, ChannelType.Email, $"{LoopbackSmtpServer.RejectedLocalPart}@example.com"), alert));

        Assert.True(failure.Permanent, failure.Message);
        Assert.Contains("550", failure.Message);
    }

    [Fact]
    public async Task Send_ServerDownThenUp_FailsRetryablyThenArrivesOnce()
    {
        await using var down = await LoopbackSmtpServer.StartAsync();
        await down.StopAsync();
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var mailer = scope.ServiceProvider.GetRequiredService<SmtpMailer>();
        var settings = new SmtpConnectionSettings("127.0.0.1", down.Port, SmtpSecurity.None, null, null, ChannelsHost.From, TimeSpan.FromSeconds(10), SmtpSettingsSource.Configuration);
        var alert = AlertSamples.Match();
        var delivery = AlertSamples.To(alert, ChannelType.Email, "guard@example.com");
        MimeMessage Build() => AlertMail.Build(delivery, alert, new AlertImages(null, null), ChannelsHost.From, TimeZoneInfo.Utc, null);

        var failure = await Assert.ThrowsAsync<DeliveryFailedException>(() => mailer.SendAsync(settings, Build(), CancellationToken.None));
        Assert.False(failure.Permanent);
        Assert.Contains($"127.0.0.1:{down.Port}", failure.Message);

        await down.StartAsync();
        await mailer.SendAsync(settings, Build(), CancellationToken.None);

        var arrived = await down.WaitForAsync(1);
        Assert.Single(arrived);
        Assert.Equal($"{delivery.Id:N}@lunapoint.test", arrived[0].MessageId);
    }

    private async Task<(Guid FaceId, byte[] Jpeg)> EnrolAsync()
    {
        using var list = await host.Admin.PostAsJsonAsync("/api/v1/lists", new { name = $"mail-{Guid.NewGuid():N}"[..20] });
        var listId = (await ChannelsHost.BodyAsync(list)).GetProperty("id").GetString();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Jane Doe"), "name" },
            { new ByteArrayContent(File.ReadAllBytes(RepoPaths.Media("astronaut.png"))) { Headers = { ContentType = new("image/png") } }, "photo", "astronaut.png" },
        };
        using var face = await host.Admin.PostAsync($"/api/v1/lists/{listId}/faces", form);
        var body = await face.Content.ReadAsStringAsync();
        Assert.True(face.IsSuccessStatusCode, body);
        var faceId = (await ChannelsHost.BodyAsync(face)).GetProperty("id").GetGuid();
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var photo = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetFacePhoto(faceId));
        Assert.NotNull(photo);
        return (faceId, photo.Jpeg);
    }

    private static byte[] Bytes(MimePart part)
    {
        using var bytes = new MemoryStream();
        part.Content!.DecodeTo(bytes);
        return bytes.ToArray();
    }

    private static Multipart? FindParent(MimeEntity entity, MimeEntity child) => entity switch
    {
        Multipart multipart when multipart.Contains(child) => multipart,
        Multipart multipart => multipart.Select(e => FindParent(e, child)).FirstOrDefault(p => p is not null),
        _ => null,
    };
}

[Collection(PostgresChannelsCollection.Name)]
public sealed class PostgresEmailSenderTests(PostgresChannelsHost host) : EmailSenderTests(host);

[Collection(SqliteChannelsCollection.Name)]
public sealed class SqliteEmailSenderTests(SqliteChannelsHost host) : EmailSenderTests(host);
