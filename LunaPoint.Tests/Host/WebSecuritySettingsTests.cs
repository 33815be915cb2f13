using System.Net;
using LunaPoint.Host.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;

namespace LunaPoint.Tests.Host;

/// <summary>How LunaPoint:Web and AllowedHosts become the forwarded-headers rules.</summary>
public sealed class WebSecuritySettingsTests
{
    [Fact]
    public void ByDefault_OnlyLoopbackIsAKnownProxy()
    {
        var options = Options(new Dictionary<string, string?>());

        Assert.Equal(new[] { IPAddress.Loopback, IPAddress.IPv6Loopback }, options.KnownProxies);
        Assert.Empty(options.KnownIPNetworks);
        Assert.Empty(options.AllowedHosts);
    }

    [Fact]
    public void ConfiguredProxies_ReplaceTheDefaults()
    {
        var options = Options(new()
        {
            ["LunaPoint:Web:KnownProxies"] = "192.0.2.7; 2001:db8::7",
            ["LunaPoint:Web:KnownNetworks"] = "10.0.0.0/8,fd00::/8",
            ["AllowedHosts"] = "lunapoint.example.org;localhost",
        });

        Assert.Equal(new[] { IPAddress.Parse("192.0.2.7"), IPAddress.Parse("2001:db8::7") }, options.KnownProxies);
        Assert.Equal(new[] { System.Net.IPNetwork.Parse("10.0.0.0/8"), System.Net.IPNetwork.Parse("fd00::/8") }, options.KnownIPNetworks);
        Assert.Equal(new[] { "lunapoint.example.org", "localhost" }, options.AllowedHosts);
        Assert.Equal(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost, options.ForwardedHeaders);
    }

    [Fact]
    public void EmptyLists_TrustNoProxy()
    {
        var settings = WebSecuritySettings.From(Configuration(new() { ["LunaPoint:Web:KnownProxies"] = "", ["LunaPoint:Web:KnownNetworks"] = "" }));

        Assert.Empty(settings.KnownProxies);
        Assert.Empty(settings.KnownNetworks);
    }

    [Theory]
    [InlineData("LunaPoint:Web:KnownProxies", "proxy.example.org")]
    [InlineData("LunaPoint:Web:KnownNetworks", "10.0.0.0/33")]
    public void AnInvalidEntry_StopsTheStart_NamingTheSetting(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => WebSecuritySettings.From(Configuration(new() { [key] = value })));

        Assert.Contains(key, error.Message);
        Assert.Contains(value, error.Message);
    }

    [Fact]
    public void TheShippedSettings_AllowOnlyLocalHostNames()
    {
        var shipped = new ConfigurationBuilder().AddJsonFile(Path.Combine(Infrastructure.RepoPaths.Root, "appsettings.json")).Build();

        Assert.Equal(new[] { "localhost", "127.0.0.1", "[::1]" }, WebSecuritySettings.From(shipped).AllowedHosts);
    }

    private static ForwardedHeadersOptions Options(Dictionary<string, string?> values)
    {
        var options = new ForwardedHeadersOptions();
        ForwardedHeadersSetup.Configure(options, WebSecuritySettings.From(Configuration(values)));
        return options;
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
