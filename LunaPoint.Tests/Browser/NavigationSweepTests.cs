using LunaPoint.Modules.Auth.Contracts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LunaPoint.Tests.Browser;

/// <summary>
/// Every enabled entry of the sidebar, as each role sees it, opens without a console error (CSP
/// violations included), a page error or a failed request. The entries are read from the sidebar, so a
/// page added later is swept without touching this test.
/// </summary>
public abstract class NavigationSweepTests(BrowserHostFixture fixture) : BrowserTest(fixture)
{
    // The pages every console has had since step 3: the sweep must at least reach these.
    private static readonly string[] EveryoneSees = ["/", "/streams", "/license", "/monitoring"];
    private static readonly string[] AdministratorsOnly = ["/users"];

    [Theory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.Viewer)]
    public Task EveryNavigationEntry_OpensCleanly(string role) => RunAsync(async () =>
    {
        await SignInAsync(role);
        var links = Navigation.GetByRole(AriaRole.Link);
        var entries = await ReadEntriesAsync(links);

        for (var i = 0; i < entries.Count; i++)
        {
            var link = links.Nth(i);
            await Expect(link).ToHaveAttributeAsync("href", entries[i]);
            await ClickAndWaitForLoadAsync(link);

            await Expect(Page).ToHaveURLAsync(Absolute(entries[i]));
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).Not.ToBeEmptyAsync();
            await Expect(links.Nth(i)).ToHaveAttributeAsync("aria-current", "page");
            Problems.AssertNone();
        }

        var visited = entries;
        Assert.Equal(visited.Count, visited.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Superset(EveryoneSees.ToHashSet(), visited.ToHashSet());
        if (role == Roles.Administrator)
        {
            Assert.Superset(AdministratorsOnly.ToHashSet(), visited.ToHashSet());
        }
        else
        {
            Assert.Empty(visited.Intersect(AdministratorsOnly));
        }
    });

    private static async Task<List<string>> ReadEntriesAsync(ILocator links)
    {
        var paths = new List<string>();
        foreach (var link in await links.AllAsync())
        {
            var href = await link.GetAttributeAsync("href");
            Assert.False(string.IsNullOrEmpty(href), $"navigation entry '{await link.InnerTextAsync()}' has no link");
            paths.Add(href!);
        }

        return paths;
    }
}

[Collection(PostgresBrowserCollection.Name)]
public sealed class NavigationSweepTestsOnPostgres(PostgresBrowserFixture fixture) : NavigationSweepTests(fixture);

[Collection(SqliteBrowserCollection.Name)]
public sealed class NavigationSweepTestsOnSqlite(SqliteBrowserFixture fixture) : NavigationSweepTests(fixture);
