using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace LunaPoint.Tests.Browser;

/// <summary>
/// Everything that went wrong in a browser context while a test ran: console errors (Chromium reports
/// Content-Security-Policy violations there), uncaught page errors, failed requests and responses of
/// 400 or more that the test did not announce. Listening on the context covers every page and popup.
/// </summary>
public sealed partial class PageProblems
{
    private const string ResourceFailure = "Failed to load resource";

    private readonly ConcurrentQueue<string> _problems = new();
    private readonly ConcurrentBag<(int Status, string Path)> _expected = [];

    public IReadOnlyList<string> All => _problems.ToArray();

    public void Watch(IBrowserContext context)
    {
        context.Console += (_, message) =>
        {
            if (message.Type == "error" && !IsAnnouncedResourceFailure(message))
            {
                _problems.Enqueue($"console error on {message.Page?.Url}: {message.Text} ({message.Location})");
            }
        };
        context.WebError += (_, error) => _problems.Enqueue($"page error on {error.Page?.Url}: {error.Error}");
        context.RequestFailed += (_, request) => _problems.Enqueue($"request failed: {request.Method} {request.Url}: {request.Failure}");
        context.Response += (_, response) =>
        {
            if (response.Status >= 400 && !IsAnnounced(response.Status, response.Url))
            {
                _problems.Enqueue($"HTTP {response.Status} for {response.Request.Method} {response.Url}");
            }
        };
    }

    /// <summary>Announces a response the test provokes on purpose (a refused page, a missing item).</summary>
    public void Expect(int status, string path) => _expected.Add((status, path));

    /// <summary>Fails, listing every problem, when anything went wrong since the test began.</summary>
    public void AssertNone()
    {
        var problems = All;
        Assert.True(problems.Count == 0, $"The browser saw {problems.Count} problem(s):\n  " + string.Join("\n  ", problems));
    }

    private bool IsAnnounced(int status, string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && _expected.Any(e => e.Status == status && string.Equals(e.Path, uri.AbsolutePath, StringComparison.OrdinalIgnoreCase));

    // Chromium logs every response of 400 or more as a console error too, located at the resource
    // ("URL:line:column"); the one for an announced response is not a second problem.
    private bool IsAnnouncedResourceFailure(IConsoleMessage message)
    {
        if (!message.Text.StartsWith(ResourceFailure, StringComparison.Ordinal))
        {
            return false;
        }

        var url = LineAndColumn().Replace(message.Location, "");
        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && _expected.Any(e => string.Equals(e.Path, uri.AbsolutePath, StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@":\d+:\d+$")]
    private static partial Regex LineAndColumn();
}
