using Microsoft.Playwright;

namespace LunaPoint.Tests.Browser;

/// <summary>
/// The watcher every browser test relies on must see each kind of problem, or a clean sweep proves
/// nothing. A page served by the browser's own router (so the host is not changed) provokes one of each.
/// </summary>
[Collection(SqliteBrowserCollection.Name)]
public sealed class PageProblemsTests(SqliteBrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Probe = "/browser-test-probe";

    [Fact]
    public async Task Watcher_SeesConsoleErrors_CspViolations_PageErrors_FailedRequests_AndErrorResponses()
    {
        await Context.RouteAsync(Absolute(Probe), route => route.FulfillAsync(new()
        {
            ContentType = "text/html",
            Headers = new Dictionary<string, string> { ["Content-Security-Policy"] = "script-src 'self'" },
            Body = $"<!DOCTYPE html><title>probe</title><script>console.log('inline ran')</script><script src=\"{Probe}.js\"></script>",
        }));
        await Context.RouteAsync(Absolute(Probe + ".js"), route => route.FulfillAsync(new()
        {
            ContentType = "text/javascript",
            Body = """
                console.error('probe console error');
                fetch('/api/v1/browser-test-missing');
                fetch('http://127.0.0.1:1/refused').catch(() => {});
                setTimeout(() => { throw new Error('probe page error'); }, 0);
                """,
        }));

        string[] expected =
        [
            "probe console error",
            "Content Security Policy",
            "probe page error",
            "request failed: GET http://127.0.0.1:1/refused",
            "HTTP 404 for GET " + Absolute("/api/v1/browser-test-missing"),
        ];

        await Page.GotoAsync(Probe);
        await WaitForAsync(() => expected.All(e => string.Join("\n", Problems.All).Contains(e, StringComparison.Ordinal)));

        var all = string.Join("\n", Problems.All);
        Assert.All(expected, e => Assert.Contains(e, all));
        Assert.Throws<Xunit.Sdk.TrueException>(Problems.AssertNone);
    }

    [Fact]
    public async Task Watcher_IgnoresOnlyTheResponsesATestAnnounces()
    {
        Problems.Expect(404, "/api/v1/browser-test-announced");

        await Page.GotoAsync("/account/sign-in");
        await Page.EvaluateAsync("() => fetch('/api/v1/browser-test-announced')");
        await Page.EvaluateAsync("() => fetch('/api/v1/browser-test-not-announced')");
        await WaitForAsync(() => Problems.All.Count >= 2);

        // The response itself and Chromium's console line about it; nothing about the announced one.
        Assert.Equal(2, Problems.All.Count);
        Assert.All(Problems.All, p => Assert.Contains("/api/v1/browser-test-not-announced", p));
    }

    // Browser events arrive on their own schedule: poll with a deadline rather than sleep.
    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + PageExtensions.Timeout;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }
}
