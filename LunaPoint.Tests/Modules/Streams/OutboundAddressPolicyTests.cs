using System.Net;
using System.Net.Sockets;
using System.Text;
using LunaPoint.SharedKernel.Network;

namespace LunaPoint.Tests.Modules.Streams;

/// <summary>Outgoing requests (webhooks, later alert channels) never reach denied ranges, however the address is written.</summary>
public sealed class OutboundAddressPolicyTests
{
    private static readonly OutboundAddressPolicy Defaults = new(OutboundAddressPolicy.DefaultDeniedRanges);

    public static TheoryData<string, bool> Urls() => new()
    {
        { "http://169.254.169.254/latest/meta-data/", false },
        { "http://2852039166/", false },
        { "http://0xA9FEA9FE/", false },
        { "http://0251.0376.0251.0376/", false },
        { "http://169.254.1.1:8080/x", false },
        { "http://[fe80::1]/", false },
        { "http://[::ffff:169.254.169.254]/", false },
        { "http://[::ffff:a9fe:a9fe]/", false },
        { "http://0.0.0.0/", false },
        { "http://[::]/", false },
        { "http://[fd00:ec2::254]/latest/meta-data/", false },
        { "http://100.100.100.200/latest/meta-data/", false },
        { "http://[64:ff9b::169.254.169.254]/", false },
        { "http://[64:ff9b::a9fe:a9fe]/", false },
        { "http://[64:ff9b::100.100.100.200]/", false },
        { "http://[2002:a9fe:a9fe::1]/", false },
        { "http://[2002:a9fe:a9fe:1234:5678::]/", false },
        { "http://[::169.254.169.254]/", false },
        { "http://[::a9fe:a9fe]/", false },
        { "http://[64:ff9b::7f00:1]/", true },
        { "http://[2002:0a00:0001::1]/", true },
        { "http://100.100.100.201/", true },
        { "http://[fd00:ec2::253]/", true },
        { "http://127.0.0.1:8080/hook", true },
        { "http://[::1]:8080/hook", true },
        { "http://10.0.0.5/hook", true },
        { "https://hooks.invalid/in", true },
    };

    [Theory]
    [MemberData(nameof(Urls))]
    public void LiteralHosts_AreJudgedAsTheAddressTheyEncode(string url, bool allowed)
    {
        Assert.Equal(allowed, Defaults.IsAllowed(new Uri(url)));
    }

    [Fact]
    public void TheSendersHandler_UsesNoProxy_SoTheConnectCallbackJudgesTheTarget()
    {
        using var handler = OutboundConnection.CreateHandler(Defaults);
        Assert.False(handler.UseProxy);
    }

    [Fact]
    public void ConfiguredRanges_ReplaceTheDefaults_AndABadRangeFailsAtStart()
    {
        var policy = new OutboundAddressPolicy(["10.0.0.0/8"]);

        Assert.False(policy.IsAllowed(IPAddress.Parse("10.1.2.3")));
        Assert.False(policy.IsAllowed(IPAddress.Parse("::ffff:10.1.2.3")));
        Assert.True(policy.IsAllowed(IPAddress.Parse("169.254.169.254")));
        Assert.Throws<InvalidOperationException>(() => new OutboundAddressPolicy(["not-a-range"]));
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("0.1.2.3")]
    [InlineData("::")]
    [InlineData("::ffff:0.0.0.0")]
    [InlineData("64:ff9b::0.0.0.0")]
    public void UnspecifiedAddresses_AreDenied_WhateverTheConfiguredRangesSay(string address)
    {
        // A list written to deny loopback: 0.0.0.0 and :: are dialled as this very machine.
        var policy = new OutboundAddressPolicy(["127.0.0.0/8", "169.254.0.0/16"]);

        Assert.False(policy.IsAllowed(IPAddress.Parse(address)));
        Assert.False(policy.IsAllowed(new Uri(address.Contains(':') ? $"http://[{address}]:5496/" : $"http://{address}:5496/")));
        Assert.True(policy.IsAllowed(IPAddress.Parse("10.0.0.1")));
    }

    [Fact]
    public async Task ConnectCallback_RefusesAnUnspecifiedAddress_AsAPolicyRefusal()
    {
        using var client = new HttpClient(OutboundConnection.CreateHandler(new OutboundAddressPolicy(["127.0.0.0/8"])));

        var refusal = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("http://0.0.0.0:9/"));
        Assert.True(OutboundAddressRefusedException.IsIn(refusal), refusal.ToString());
    }

    [Fact]
    public async Task ConnectCallback_RefusesANameThatResolvesToADeniedAddress_AndConnectsOtherwise()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var answered = AnswerOnceAsync(listener);
        using var denied = new HttpClient(OutboundConnection.CreateHandler(new OutboundAddressPolicy(["127.0.0.0/8", "::1/128"])));
        using var allowed = new HttpClient(OutboundConnection.CreateHandler(Defaults));

        var refusal = await Assert.ThrowsAsync<HttpRequestException>(() => denied.GetAsync($"http://localhost:{port}/"));
        Assert.Contains("denied", refusal.Message);
        Assert.False(answered.IsCompleted, "the denied client reached the listener");
        using var response = await allowed.GetAsync($"http://localhost:{port}/");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await answered;
    }

    private static async Task AnswerOnceAsync(TcpListener listener)
    {
        using var client = await listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var buffer = new byte[4096];
        var request = "";
        while (!request.Contains("\r\n\r\n"))
        {
            var read = await stream.ReadAsync(buffer);
            request += Encoding.ASCII.GetString(buffer, 0, read);
        }

        await stream.WriteAsync("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray());
    }
}
