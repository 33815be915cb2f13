using LunaPoint.Modules.Notifications.Channels.Email;
using LunaPoint.Modules.Notifications.Dispatch;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.SharedKernel.Network;
using MimeKit;

namespace LunaPoint.Tests.Modules.Notifications.Channels;

/// <summary>
/// The real mailer against the loopback SMTP server: the outbound address policy decides which addresses
/// it may dial, after DNS, and a host it cannot use fails as a delivery failure, not an exception of its own.
/// </summary>
public sealed class SmtpOutboundPolicyTests : IAsyncLifetime
{
    private LoopbackSmtpServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackSmtpServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.1")]
    [InlineData("localhost")]
    public async Task Send_ToDeniedRange_IsRefusedByPolicyAndNothingArrives(string host)
    {
        var mailer = new SmtpMailer(new OutboundAddressPolicy(["127.0.0.0/8", "::1/128"]));

        var failure = await Assert.ThrowsAsync<DeliveryFailedException>(() => mailer.SendAsync(Settings(host), Message(), CancellationToken.None));

        Assert.Contains("refused by policy", failure.Message);
        Assert.Contains(OutboundAddressPolicy.SettingKey, failure.Message);
        Assert.Equal(0, _server.Count);
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    public async Task Send_ToUnusableAddress_FailsCleanlyEvenWithAnEmptyPolicy(string host)
    {
        var mailer = new SmtpMailer(new OutboundAddressPolicy([]));

        var failure = await Assert.ThrowsAsync<DeliveryFailedException>(() => mailer.SendAsync(Settings(host), Message(), CancellationToken.None));

        Assert.Contains("refused by policy", failure.Message);
        Assert.Equal(0, _server.Count);
    }

    [Fact]
    public async Task Send_WithDefaultPolicy_ReachesTheLoopbackServer()
    {
        var mailer = new SmtpMailer(new OutboundAddressPolicy(OutboundAddressPolicy.DefaultDeniedRanges));

        await mailer.SendAsync(Settings("127.0.0.1"), Message(), CancellationToken.None);

        Assert.Equal("policy check", (await _server.WaitForAsync(1)).Single().Subject);
    }

    private SmtpConnectionSettings Settings(string host) =>
        new(host, _server.Port, SmtpSecurity.None, null, null, ChannelsHost.From, TimeSpan.FromSeconds(10), SmtpSettingsSource.Configuration);

    private static MimeMessage Message()
    {
        var message = new MimeMessage { Subject = "policy check" };
        message.From.Add(MailboxAddress.Parse(ChannelsHost.From));
        message.To.Add(MailboxAddress.Parse("someone@example.com"));
        message.Body = new TextPart("plain") { Text = "policy check" };
        return message;
    }
}
