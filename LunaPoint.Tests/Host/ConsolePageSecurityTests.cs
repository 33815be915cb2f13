using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using LunaPoint.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Tests.Host;

/// <summary>
/// Stored cross-site scripting as a class: no page carries inline script, event handlers, javascript:
/// URLs or inline styles (so the CSP can forbid them all), stored text is rendered encoded, and the
/// security headers are on every kind of response.
/// </summary>
public abstract partial class ConsolePageSecurityTests(HostFixture fixture) : IAsyncLifetime
{
    private const string Payload = "x');alert(1);('<script>alert(2)</script>\"><img src=x onerror=alert(3)>";
    private HttpClient _browser = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _browser = await fixture.Factory.SignedInAdminBrowserAsync();
        _admin = await fixture.Factory.CreateAdminClientAsync();
    }

    public Task DisposeAsync()
    {
        _browser.Dispose();
        _admin.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task StreamWithAScriptName_IsRenderedOnlyEncoded()
    {
        var marker = await CreateHostileStreamAsync();

        var html = await _browser.GetStringAsync($"/streams?name={marker}");

        Assert.Contains(marker, html);
        Assert.Contains("&lt;script&gt;alert(2)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>alert(2)", html);
        Assert.DoesNotContain("');alert(1);('", html);
        Assert.DoesNotContain("<img src=x", html);
        AssertNoInlineCode("/streams", html);
    }

    [Fact]
    public async Task EveryConsolePage_HasNoInlineScriptHandlerOrStyle()
    {
        await CreateHostileStreamAsync();
        var checkedPages = new List<string>();

        foreach (var path in PagePaths())
        {
            using var response = await _browser.GetAsync(path);
            if (response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                var html = await response.Content.ReadAsStringAsync();
                AssertNoInlineCode(path, html);
                // One spelling in the console's text: the noun is "licence" (paths stay /license).
                Assert.DoesNotMatch(LicenseInText(), html);
                checkedPages.Add(path);
            }
        }

        using var anonymous = fixture.Factory.CreateAnonymousClient();
        foreach (var path in new[] { "/account/sign-in", "/status/404" })
        {
            AssertNoInlineCode(path, await (await anonymous.GetAsync(path)).Content.ReadAsStringAsync());
        }

        Assert.Contains("/streams", checkedPages);
        Assert.Contains("/monitoring", checkedPages);
        Assert.True(checkedPages.Count >= 8, "pages checked: " + string.Join(", ", checkedPages));
    }

    [Fact]
    public async Task ConsolePage_LoadsTheSiteScript_AndGivesItTheCsrfToken()
    {
        var html = await _browser.GetStringAsync("/");

        // The static-assets map may give the file its fingerprinted name (site.<hash>.js).
        Assert.Matches("""<script src="/js/site(\.\w+)?\.js(\?v=[^"]+)?"[^>]*\bdefer\b""", html);
        Assert.NotEmpty(await _browser.PageTokenAsync());
        Assert.Contains("data-confirm", await fixture.Factory.CreateAnonymousClient().GetStringAsync("/js/site.js"));
    }

    [Theory]
    [InlineData("/", true, HttpStatusCode.OK)]
    [InlineData("/monitoring", true, HttpStatusCode.OK)]
    [InlineData("/no-such-page", true, HttpStatusCode.NotFound)]
    [InlineData("/status/403", true, HttpStatusCode.Forbidden)]
    [InlineData("/css/site.css", false, HttpStatusCode.OK)]
    [InlineData("/js/site.js", false, HttpStatusCode.OK)]
    [InlineData("/img/logo.svg", false, HttpStatusCode.OK)]
    [InlineData("/api/v1/users", false, HttpStatusCode.OK)]
    [InlineData("/api/no-such-thing", false, HttpStatusCode.NotFound)]
    [InlineData("/health/ready", false, HttpStatusCode.OK)]
    [InlineData("/openapi/v1.json", false, HttpStatusCode.OK)]
    public async Task EveryKindOfResponse_CarriesTheSecurityHeaders(string path, bool isPage, HttpStatusCode status)
    {
        using var response = await _browser.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        AssertSecurityHeaders(response);
        var policy = Header(response, "Content-Security-Policy");
        if (isPage)
        {
            Assert.Contains("script-src 'self';", policy);
            Assert.Contains("style-src 'self';", policy);
            Assert.Contains("object-src 'none'", policy);
            Assert.Contains("base-uri 'self'", policy);
            Assert.Contains("form-action 'self'", policy);
        }
    }

    [Fact]
    public async Task ProblemResponses_CarryTheSecurityHeaders()
    {
        using var malformed = await _admin.PostAsync("/api/v1/users", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        using var anonymous = await fixture.Factory.CreateAnonymousClient().PostAsJsonAsync("/api/v1/users", new { });

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        AssertSecurityHeaders(malformed);
        AssertSecurityHeaders(anonymous);
    }

    [Fact]
    public async Task ApiReference_RunsItsScriptsByNonce_AndOnlyItLoosensStyles()
    {
        using var response = await fixture.Factory.CreateAnonymousClient().GetAsync("/scalar/v1");
        var html = await response.Content.ReadAsStringAsync();
        var policy = Header(response, "Content-Security-Policy");

        var nonce = Regex.Match(policy, "script-src 'self' 'nonce-(?<n>[^']+)'").Groups["n"].Value;
        Assert.NotEmpty(nonce);
        var scripts = Regex.Matches(html, "<script\\b[^>]*>").Select(m => m.Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, tag => Assert.True(tag.Contains($"nonce=\"{nonce}\"") || tag.Contains("src="), tag));
        Assert.DoesNotContain("unsafe-inline", Regex.Match(policy, "script-src[^;]*").Value);
        Assert.Contains("frame-ancestors 'none'", policy);
        using var second = await fixture.Factory.CreateAnonymousClient().GetAsync("/scalar/v1");
        Assert.DoesNotContain(nonce, Header(second, "Content-Security-Policy"));
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var policy = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Contains(Header(response, "Referrer-Policy"), new[] { "no-referrer", "same-origin" });
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode} without {name}");

    private static void AssertNoInlineCode(string path, string html)
    {
        Assert.Contains("</html>", html);
        var found = InlineCode.Find(html);
        Assert.True(found.Count == 0, $"{path} has inline code: {string.Join(" | ", found)}");
    }

    /// <summary>Every Razor page the host maps (later pages are swept without editing this test).</summary>
    private IEnumerable<string> PagePaths() =>
        fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + RouteParameter().Replace((e.RoutePattern.RawText ?? "").Trim('/'), p => p.Value.Contains("int") ? "404" : Guid.NewGuid().ToString()))
            .Where(p => p != "/account/sign-out")
            .Distinct();

    private async Task<string> CreateHostileStreamAsync()
    {
        var marker = $"xss{Guid.NewGuid():N}"[..12];
        using var created = await _admin.PostAsJsonAsync("/api/v1/streams", new
        {
            name = $"{marker} {Payload}",
            type = "rtsp",
            source = $"rtsp://127.0.0.1:8554/{marker}",
            description = Payload,
            enabled = false,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return marker;
    }

    [GeneratedRegex(@">[^<]*(?<![/\w])[Ll]icense(?![\w/])")]
    private static partial Regex LicenseInText();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}

[Collection(PostgresCollection.Name)]
public sealed class ConsolePageSecurityTestsOnPostgres(PostgresHostFixture fixture) : ConsolePageSecurityTests(fixture);

[Collection(SqliteCollection.Name)]
public sealed class ConsolePageSecurityTestsOnSqlite(SqliteHostFixture fixture) : ConsolePageSecurityTests(fixture);
