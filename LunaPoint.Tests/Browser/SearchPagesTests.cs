using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Events.Matching;
using LunaPoint.Tests.Modules.Events.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LunaPoint.Tests.Browser;

/// <summary>
/// Search by photo and "Where else was this person seen?" in a real browser, under the console's CSP:
/// a photo dropped on the drop zone (search.js) finds the enrolled face; an event's page lists the same
/// person's other events and not itself or other people.
/// </summary>
public abstract class SearchPagesTests(BrowserHostFixture fixture) : BrowserTest(fixture)
{
    private SearchSeeder Seeder
    {
        get
        {
            // As the ingestion loader does once its start-up rebuild is done (this host's database starts empty).
            Factory.Services.GetRequiredService<WatchlistIndex>().Readiness.MarkReady();
            Factory.Services.GetRequiredService<EventIndex>().Readiness.MarkReady();
            return new SearchSeeder(Factory);
        }
    }

    [Fact]
    public Task Viewer_DropsAPhotoOnSearch_AndSeesTheEnrolledFace() => RunAsync(async () =>
    {
        var seeder = Seeder;
        var list = await seeder.CreateListAsync();
        var (face, photo) = await seeder.EnrolAsync("Eileen " + Guid.NewGuid().ToString("N")[..6], await seeder.DescribeAsync(SearchMedia.File("astronaut.png")), list);
        // The face's enrolled photo is the lists feature's image; a descriptor written straight to the rows has none.
        Problems.Expect(404, $"/api/v1/faces/{face}/photos/{photo}.jpg");
        await SignInAsync(Roles.Viewer);
        await OpenAsync("/search");

        var dropped = Convert.ToBase64String(SearchMedia.Flipped("astronaut.png"));
        var transfer = await Page.EvaluateHandleAsync(
            "b64 => { const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0)); const t = new DataTransfer(); t.items.add(new File([bytes], 'flipped.png', { type: 'image/png' })); return t; }",
            dropped);
        // search.js puts the dropped file in the form and sends it; the answer is a new page.
        await Page.Locator("#drop-zone").DispatchEventAsync("drop", new Dictionary<string, object> { ["dataTransfer"] = transfer });

        var card = Page.Locator($"#search-results [data-face-id='{face}']");
        await Expect(card).ToBeVisibleAsync();
        var similarity = double.Parse(await card.Locator(".similarity").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(similarity >= Similarity.DefaultThreshold, $"{similarity}");
        await Expect(card.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"/faces/{face}");
    });

    [Fact]
    public Task EventPage_ShowsWhereElseThePersonWasSeen_NotItselfNorOthers() => RunAsync(async () =>
    {
        var seeder = Seeder;
        var stream = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var source = await seeder.AddEventAsync(stream, now, await seeder.DescribeAsync(SearchMedia.File("julia_facedetect_sample.jpg")));
        var again = await seeder.AddEventAsync(stream, now.AddMinutes(-10), await seeder.DescribeAsync(SearchMedia.Scaled("julia_facedetect_sample.jpg", 0.6)));
        var other = await seeder.AddEventAsync(stream, now.AddMinutes(-20), await seeder.DescribeAsync(SearchMedia.File("face_swapped.jpg")));
        await SignInAsync(Roles.Viewer);

        await OpenAsync($"/events/{source.Id}");

        await Expect(Page.Locator("#event-face")).ToBeVisibleAsync();
        var seen = Page.Locator("#seen-elsewhere");
        await Expect(seen.Locator($"[data-event-id='{again.Id}']")).ToBeVisibleAsync();
        await Expect(seen.Locator($"[data-event-id='{again.Id}'] .similarity")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^(0\.[89]\d\d|1\.000)$"));
        await Expect(seen.Locator($"[data-event-id='{source.Id}']")).ToHaveCountAsync(0);
        await Expect(seen.Locator($"[data-event-id='{other.Id}']")).ToHaveCountAsync(0);

        // The archive lists it with its face crop, and links back to the event.
        await OpenAsync($"/events?streamId={stream}");
        await Expect(Page.Locator($"a[href='/events/{source.Id}'] img")).ToBeVisibleAsync();
    });
}

[Collection(PostgresBrowserCollection.Name)]
public sealed class SearchPagesTestsOnPostgres(PostgresBrowserFixture fixture) : SearchPagesTests(fixture);

[Collection(SqliteBrowserCollection.Name)]
public sealed class SearchPagesTestsOnSqlite(SqliteBrowserFixture fixture) : SearchPagesTests(fixture);
