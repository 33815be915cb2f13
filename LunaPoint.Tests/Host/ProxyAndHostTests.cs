using System.Net;
using LunaPoint.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace LunaPoint.Tests.Host;

/// <summary>
/// Host and proxy headers: an unknown Host is refused, redirects never echo it, and X-Forwarded-* is
/// believed only from a known proxy (loopback by default), so the session cookie is Secure exactly
/// when the browser's request was HTTPS.
/// </summary>
public abstract class ProxyAndHostTests(HostFixture fixture)
{
    private static readonly IPAddress KnownProxy = IPAddress.Loopback;

    // TEST-NET-1 (RFC 5737): never a real host, and not in the default proxy list.
    private static readonly IPAddress Stranger = IPAddress.Parse("192.0.2.10");

    [Theory]
    [InlineData("http://attacker.invalid/")]
    [InlineData("http://attacker.invalid/account/sign-in")]
    [InlineData("http://attacker.invalid/api/v1/streams")]
    public async Task UnknownHostHeader_Returns400(string url)
    {
        using var client = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://attacker.invalid") });

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("attacker", response.Headers.Location?.ToString() ?? "");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/v1/streams")]
    public async Task UnknownOrEmptyHost_Returns400_WithTheSecurityHeaders(string path)
    {
        foreach (var host in new[] { "attacker.invalid", "" })
        {
            var context = await fixture.Factory.Server.SendAsync(c =>
            {
                c.Request.Method = "GET";
                c.Request.Scheme = "http";
                c.Request.Host = new HostString(host);
                c.Request.Path = path;
            });

            Assert.True(context.Response.StatusCode == 400, $"Host '{host}' {path}: {context.Response.StatusCode}");
            Assert.Equal("nosniff", context.Response.Headers.XContentTypeOptions.ToString());
            Assert.Contains("frame-ancestors 'none'", context.Response.Headers.ContentSecurityPolicy.ToString());
            Assert.Equal("same-origin", context.Response.Headers["Referrer-Policy"].ToString());
        }
    }

    [Theory]
    [InlineData("http://localhost/")]
    [InlineData("http://127.0.0.1/")]
    public async Task LocalHostNames_AreAllowed_ForTheFirstRun(string baseAddress)
    {
        using var client = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });

        using var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SignInRedirect_IsRelative()
    {
        using var client = fixture.Factory.CreateAnonymousClient();

        using var response = await client.GetAsync("/streams?name=a");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in?ReturnUrl=%2Fstreams%3Fname%3Da", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ForwardedHttps_FromAKnownProxy_MakesTheSessionCookieSecure()
    {
        var cookies = await SignInThroughAsync(KnownProxy, forwardedProto: "https");

        Assert.Contains("secure", Cookie(cookies, "lunapoint.session"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ForwardedHttps_FromAnUnknownAddress_IsIgnored()
    {
        var cookies = await SignInThroughAsync(Stranger, forwardedProto: "https");

        Assert.DoesNotContain("secure", Cookie(cookies, "lunapoint.session"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PlainHttp_FromAKnownProxy_KeepsTheCookieNonSecure()
    {
        var cookies = await SignInThroughAsync(KnownProxy, forwardedProto: null);

        Assert.DoesNotContain("secure", Cookie(cookies, "lunapoint.session"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ForwardedHttps_FromAKnownProxy_AlsoSecuresTheAntiforgeryCookie()
    {
        var page = await SendAsync(KnownProxy, "https", HttpMethods.Get, "/account/sign-in");

        Assert.Contains("secure", Cookie(page.Response.Headers.SetCookie, ".AspNetCore.Antiforgery"), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The sign-in form, loaded and posted as a browser behind the proxy would; returns the Set-Cookie lines.</summary>
    private async Task<string[]> SignInThroughAsync(IPAddress from, string? forwardedProto)
    {
        var page = await SendAsync(from, forwardedProto, HttpMethods.Get, "/account/sign-in");
        var html = await new StreamReader(page.Response.Body).ReadToEndAsync();
        var antiforgeryCookie = Cookie(page.Response.Headers.SetCookie, ".AspNetCore.Antiforgery").Split(';')[0];
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "admin", ["Password"] = LunaPointFactory.AdminPassword, ["__RequestVerificationToken"] = ConsoleBrowser.FormToken(html),
        });

        var signedIn = await SendAsync(from, forwardedProto, HttpMethods.Post, "/account/sign-in", cookie: antiforgeryCookie, form: form);

        Assert.Equal(StatusCodes.Status302Found, signedIn.Response.StatusCode);
        return signedIn.Response.Headers.SetCookie.ToArray()!;
    }

    /// <summary>A request with a chosen client address, which only TestServer's raw context API can set.</summary>
    private async Task<HttpContext> SendAsync(IPAddress from, string? forwardedProto, string method, string path, string? cookie = null, HttpContent? form = null)
    {
        var body = form is null ? null : await form.ReadAsByteArrayAsync();
        return await fixture.Factory.Server.SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = from;
            context.Request.Method = method;
            context.Request.Scheme = "http";
            context.Request.Host = new HostString("localhost");
            context.Request.Path = path;
            context.Request.Headers["X-Forwarded-For"] = "198.51.100.7";
            if (forwardedProto is not null)
            {
                context.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
            }

            if (cookie is not null)
            {
                context.Request.Headers.Cookie = cookie;
            }

            if (body is not null)
            {
                context.Request.ContentType = "application/x-www-form-urlencoded";
                context.Request.ContentLength = body.Length;
                context.Request.Body = new MemoryStream(body);
            }
        });
    }

    private static string Cookie(IEnumerable<string?> setCookies, string name) =>
        setCookies.FirstOrDefault(c => c?.StartsWith(name, StringComparison.Ordinal) == true)
        ?? throw new Xunit.Sdk.XunitException($"no {name} cookie in: {string.Join(" | ", setCookies)}");
}

[Collection(PostgresCollection.Name)]
public sealed class ProxyAndHostTestsOnPostgres(PostgresHostFixture fixture) : ProxyAndHostTests(fixture);

[Collection(SqliteCollection.Name)]
public sealed class ProxyAndHostTestsOnSqlite(SqliteHostFixture fixture) : ProxyAndHostTests(fixture);
