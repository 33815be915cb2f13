using System.Net.Http.Json;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Notifications.Data;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Modules.Notifications.Evaluation;
using LunaPoint.Tests.Infrastructure;
using LunaPoint.Tests.Modules.Notifications.Panel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LunaPoint.Tests.Browser;

/// <summary>
/// The operator panel at / in Chromium under the console's CSP: an alert raised by a rule with a console
/// channel (AlertWriter, then the dispatcher's console sender) appears live on two operators' panels; one
/// acknowledges it and the other sees who did, without reloading. Any console error (a CSP violation
/// included), page error or failed request fails the test.
/// </summary>
public abstract class OperatorPanelTests(BrowserHostFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task LiveAlert_ReachesTwoOperators_AndOnesAcknowledgementShowsOnTheOther() => RunAsync(async () =>
    {
        var first = await Factory.CreateUserAsync(Roles.Operator);
        var second = await Factory.CreateUserAsync(Roles.Operator);
        await SignInAsync(first, AuthClients.Password);
        await ExpectLiveAsync(Page);
        await using var otherContext = await Fixture.Browser.NewContextAsync(new() { BaseURL = Fixture.BaseUrl, Locale = "en-GB", TimezoneId = "UTC" });
        var otherProblems = new PageProblems();
        otherProblems.Watch(otherContext);
        var other = await otherContext.NewPageAsync();
        await SignInOnAsync(other, second);
        await ExpectLiveAsync(other);
        // Marks the documents: still there at the end means neither panel reloaded.
        foreach (var page in new[] { Page, other })
        {
            await page.EvaluateAsync("() => { window.panelTestMark = 1; }");
        }

        // A name that looks like markup must show as text.
        var alert = await RaiseAsync("<img src=x onerror=alert(1)> Mallory");

        foreach (var page in new[] { Page, other })
        {
            var card = Card(page, alert.Id);
            await Expect(card).ToBeVisibleAsync();
            await Expect(card.Locator(".alert-name")).ToHaveTextAsync("<img src=x onerror=alert(1)> Mallory");
            await Expect(card.Locator(".alert-list")).ToHaveTextAsync("VIP");
            await Expect(card.Locator("[data-fact=similarity]")).ToHaveTextAsync("91 %");
            await Expect(card.Locator("[data-fact=stream]")).ToHaveTextAsync("Front door");
            await Expect(card.GetByRole(AriaRole.Img, new() { Name = "Face seen" })).ToBeVisibleAsync();
            Assert.Equal("#12ab34", (await card.EvaluateAsync<string>("(c) => getComputedStyle(c).getPropertyValue('--list-color')")).Trim());
            Assert.Equal(0, await card.Locator("img[src='x']").CountAsync());
        }

        var mine = Card(Page, alert.Id);
        await mine.GetByLabel("Comment").FillAsync("Guard sent to the door");
        await mine.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();

        foreach (var page in new[] { Page, other })
        {
            var ack = Card(page, alert.Id).Locator("[data-ack]");
            await Expect(ack).ToContainTextAsync($"Acknowledged by {first}");
            await Expect(ack).ToContainTextAsync("Guard sent to the door");
            await Expect(Card(page, alert.Id).GetByRole(AriaRole.Button, new() { Name = "Acknowledge" })).ToHaveCountAsync(0);
            Assert.Equal(1, await page.EvaluateAsync<int>("() => window.panelTestMark"));
        }

        otherProblems.AssertNone();
    });

    [Fact]
    public Task Viewer_SeesAlertsWithoutAnAcknowledgeButton_AndThePauseBanner() => RunAsync(async () =>
    {
        var alert = AlertSeed.New(Guid.NewGuid(), DateTimeOffset.UtcNow, title: "Viewer panel alert " + Guid.NewGuid().ToString("N")[..6]);
        await AlertSeed.AddAsync(Factory, alert);
        await SignInAsync(Roles.Viewer);
        await ExpectLiveAsync(Page);

        await Expect(Card(Page, alert.Id).Locator(".alert-title")).ToHaveTextAsync(alert.Title);
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" })).ToHaveCountAsync(0);
        await Expect(Page.Locator("[data-paused]")).ToBeHiddenAsync();

        using var admin = await Fixture.CreateAdministratorClientAsync();
        try
        {
            using var paused = await admin.PostAsJsonAsync("/api/v1/notifications/pause", new { minutes = 15 });
            paused.EnsureSuccessStatusCode();
            await Expect(Page.Locator("[data-paused]")).ToContainTextAsync("Alerts are paused by admin until");
        }
        finally
        {
            using var resumed = await admin.PostAsync("/api/v1/notifications/resume", null);
        }

        await Expect(Page.Locator("[data-paused]")).ToBeHiddenAsync();
    });

    private static ILocator Card(IPage page, Guid id) => page.Locator($"[data-alert-id='{id}']");

    private static async Task ExpectLiveAsync(IPage page)
    {
        await Expect(page).ToHaveTitleAsync("Operator panel · LunaPoint");
        await Expect(page.Locator("[data-live-state]")).ToHaveTextAsync("Live");
    }

    private static async Task SignInOnAsync(IPage page, string userName)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(AuthClients.Password);
        await page.ClickAndWaitForLoadAsync(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }));
    }

    /// <summary>A rule with a console channel raises one watchlist alert through the foundation's writer.</summary>
    private async Task<Alert> RaiseAsync(string faceName)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var now = DateTimeOffset.UtcNow;
        var rule = new NotificationRule
        {
            Id = Guid.NewGuid(), Name = "Panel rule " + Guid.NewGuid().ToString("N")[..8], Enabled = true, Trigger = AlertTrigger.WatchlistMatch,
            Channels = [new ChannelSpec { Type = ChannelType.Console }], CreatedAt = now, UpdatedAt = now,
        };
        db.Rules.Add(rule);
        await db.SaveChangesAsync();
        var alert = new Alert
        {
            Id = Guid.CreateVersion7(now), RuleId = rule.Id, RuleName = rule.Name, Trigger = AlertTrigger.WatchlistMatch, OccurredAt = now, CreatedAt = now,
            Title = $"{faceName} (VIP) at Front door", StreamId = Guid.NewGuid(), StreamName = "Front door", Location = "Lobby",
            FaceName = faceName, ListName = "VIP", ListColor = "#12ab34", Similarity = 0.912, FaceJpeg = AlertSeed.Jpeg,
        };
        Assert.True(await scope.ServiceProvider.GetRequiredService<AlertWriter>().RaiseAsync(rule, alert, null, CancellationToken.None));
        return alert;
    }
}

[Collection(PostgresBrowserCollection.Name)]
public sealed class OperatorPanelTestsOnPostgres(PostgresBrowserFixture fixture) : OperatorPanelTests(fixture);

[Collection(SqliteBrowserCollection.Name)]
public sealed class OperatorPanelTestsOnSqlite(SqliteBrowserFixture fixture) : OperatorPanelTests(fixture);
