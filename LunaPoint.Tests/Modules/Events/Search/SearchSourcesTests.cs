using System.Text.Json;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Tests.Infrastructure;
using LunaPoint.Modules.Events.Matching;

namespace LunaPoint.Tests.Modules.Events.Search;

/// <summary>Search by descriptor, by event and by face; events search limited by time (day partitions) and stream.</summary>
public abstract class SearchSourcesTests(SearchHostFixture fixture) : IAsyncLifetime
{
    private HttpClient _viewer = null!;

    public async Task InitializeAsync() => _viewer = await fixture.Factory.CreateClientAsAsync(Roles.Viewer);

    public Task DisposeAsync()
    {
        _viewer.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ByDescriptor_FindsTheFace_WithSimilarityFromCosine()
    {
        var list = await fixture.Seeder.CreateListAsync();
        var enrolled = await fixture.Seeder.DescribeAsync("face_swapped.jpg");
        var (face, _) = await fixture.Seeder.EnrolAsync("Swapped", enrolled, list);
        var query = await fixture.Seeder.DescribeAsync(SearchMedia.Flipped("face_swapped.jpg"));

        using var response = await _viewer.SearchJsonAsync(new { descriptor = SearchHttp.Base64(query), limit = 100 });

        var hit = (await response.OkJsonAsync(fixture.Factory)).Candidates().Single(c => c.GetProperty("faceId").GetGuid() == face);
        var cosine = System.Numerics.Tensors.TensorPrimitives.Dot(enrolled, query);
        Assert.Equal(Similarity.Round(Similarity.FromCosine(cosine)), hit.GetProperty("similarity").GetDouble(), 3);
    }

    [Fact]
    public async Task ByFaceId_FindsOtherFacesOfThatPerson_NotItself()
    {
        var list = await fixture.Seeder.CreateListAsync();
        var (face, _) = await fixture.Seeder.EnrolAsync("Julia", await fixture.Seeder.DescribeAsync("julia_facedetect_sample.jpg"), list);
        var (twin, _) = await fixture.Seeder.EnrolAsync("Julia again", await fixture.Seeder.DescribeAsync(SearchMedia.Scaled("julia_facedetect_sample.jpg", 0.5)), list);

        using var response = await _viewer.SearchJsonAsync(new { faceId = face, threshold = Similarity.DefaultThreshold });

        var ids = (await response.OkJsonAsync(fixture.Factory)).Candidates().Select(c => c.GetProperty("faceId").GetGuid()).ToList();
        Assert.Contains(twin, ids);
        Assert.DoesNotContain(face, ids);
    }

    [Fact]
    public async Task ByEventId_FindsTheSamePersonsOtherEvents_NotItself_NorOtherPeople()
    {
        var stream = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var source = await fixture.Seeder.AddEventAsync(stream, now, await fixture.Seeder.DescribeAsync("astronaut.png"));
        var again = await fixture.Seeder.AddEventAsync(stream, now.AddMinutes(-5), await fixture.Seeder.DescribeAsync(SearchMedia.Flipped("astronaut.png")));
        var other = await fixture.Seeder.AddEventAsync(stream, now.AddMinutes(-6), await fixture.Seeder.DescribeAsync("faceDetection.png"));

        using var response = await _viewer.SearchJsonAsync(new { eventId = source.Id, target = "events", streamId = stream, threshold = Similarity.DefaultThreshold });

        var candidates = (await response.OkJsonAsync(fixture.Factory)).Candidates();
        var hit = Assert.Single(candidates);
        Assert.Equal(again.Id, hit.GetProperty("eventId").GetGuid());
        Assert.Equal(stream, hit.GetProperty("streamId").GetGuid());
        Assert.Equal(again.StreamName, hit.GetProperty("streamName").GetString());
        Assert.Equal($"/api/v1/events/{again.Id}/face.jpg", hit.GetProperty("faceUrl").GetString());
        Assert.Equal(JsonValueKind.Null, hit.GetProperty("topMatch").ValueKind);
        Assert.DoesNotContain(candidates, c => c.GetProperty("eventId").GetGuid() == other.Id);
    }

    [Fact]
    public async Task EventsSearch_FromTo_ReadsOnlyThoseDays_AndStreamIdOnlyThatStream()
    {
        var descriptor = await fixture.Seeder.DescribeAsync("lbp_yale.jpg");
        var streamA = Guid.NewGuid();
        var streamB = Guid.NewGuid();
        var day = new DateTimeOffset(2031, 3, 10, 12, 0, 0, TimeSpan.Zero);
        var inRange = await fixture.Seeder.AddEventAsync(streamA, day, descriptor);
        var dayBefore = await fixture.Seeder.AddEventAsync(streamA, day.AddDays(-1), descriptor);
        var dayAfter = await fixture.Seeder.AddEventAsync(streamA, day.AddDays(1), descriptor);
        var otherStream = await fixture.Seeder.AddEventAsync(streamB, day, descriptor);
        var query = SearchHttp.Base64(await fixture.Seeder.DescribeAsync(SearchMedia.YaleLighting(1)));

        var byDay = await EventIdsAsync(new { descriptor = query, target = "events", from = day.AddHours(-1), to = day.AddHours(1), limit = 100 });
        var byStream = await EventIdsAsync(new { descriptor = query, target = "events", streamId = streamB, limit = 100 });
        var byBoth = await EventIdsAsync(new { descriptor = query, target = "events", streamId = streamA, from = day.AddDays(-1).AddHours(-1), to = day.AddHours(1), limit = 100 });

        Assert.Equal(new[] { inRange.Id, otherStream.Id }.Order(), byDay.Order());
        Assert.Equal([otherStream.Id], byStream);
        Assert.Equal(new[] { inRange.Id, dayBefore.Id }.Order(), byBoth.Order());
        Assert.DoesNotContain(dayAfter.Id, byDay.Concat(byBoth));
    }

    [Fact]
    public async Task EventsSearch_AppliesTheArchiveFilters()
    {
        var descriptor = await fixture.Seeder.DescribeAsync("face_swapped.jpg");
        var stream = Guid.NewGuid();
        var list = Guid.NewGuid();
        var matched = await fixture.Seeder.AddEventAsync(stream, DateTimeOffset.UtcNow, descriptor, e => e.Gender = "female", SearchSeeder.Match(Guid.NewGuid(), list, "Known", 0.93));
        var unmatched = await fixture.Seeder.AddEventAsync(stream, DateTimeOffset.UtcNow, descriptor, e => e.Gender = "male");

        Assert.Equal([matched.Id], await EventIdsAsync(new { descriptor = SearchHttp.Base64(descriptor), target = "events", streamId = stream, matched = true }));
        Assert.Equal([matched.Id], await EventIdsAsync(new { descriptor = SearchHttp.Base64(descriptor), target = "events", streamId = stream, listId = list }));
        Assert.Equal([unmatched.Id], await EventIdsAsync(new { descriptor = SearchHttp.Base64(descriptor), target = "events", streamId = stream, gender = "male" }));
    }

    [Fact]
    public async Task Verify_SamePersonMatches_DifferentPeopleDoNot()
    {
        using var same = await _viewer.PostAsync("/api/v1/verify", Form(SearchMedia.YaleLighting(0), SearchMedia.YaleLighting(2)));
        using var different = await _viewer.PostAsync("/api/v1/verify", Form(SearchMedia.File("astronaut.png"), SearchMedia.File("julia_facedetect_sample.jpg")));
        using var strict = await _viewer.PostAsync("/api/v1/verify", Form(SearchMedia.YaleLighting(0), SearchMedia.YaleLighting(2), "0.99999"));

        var yes = await same.OkJsonAsync(fixture.Factory);
        var no = await different.OkJsonAsync(fixture.Factory);
        var strictAnswer = await strict.OkJsonAsync(fixture.Factory);
        Assert.True(yes.GetProperty("match").GetBoolean(), yes.ToString());
        Assert.True(yes.GetProperty("similarity").GetDouble() >= Similarity.DefaultThreshold);
        Assert.Equal(Similarity.DefaultThreshold, yes.GetProperty("threshold").GetDouble());
        Assert.False(no.GetProperty("match").GetBoolean(), no.ToString());
        Assert.True(no.GetProperty("similarity").GetDouble() < Similarity.DefaultThreshold);
        Assert.False(strictAnswer.GetProperty("match").GetBoolean(), strictAnswer.ToString());
        Assert.Equal(0.99999, strictAnswer.GetProperty("threshold").GetDouble());
    }

    internal static MultipartFormDataContent Form(byte[] photo1, byte[] photo2, string? threshold = null)
    {
        var form = SearchHttp.PhotoForm(photo1, "photo1");
        var second = new ByteArrayContent(photo2);
        form.Add(second, "photo2", "photo2.img");
        if (threshold is not null)
        {
            form.Add(new StringContent(threshold), "threshold");
        }

        return form;
    }

    private async Task<List<Guid>> EventIdsAsync(object body)
    {
        using var response = await _viewer.SearchJsonAsync(body);
        return (await response.OkJsonAsync(fixture.Factory)).Candidates().Select(c => c.GetProperty("eventId").GetGuid()).ToList();
    }
}

[Collection(PostgresSearchCollection.Name)]
public sealed class SearchSourcesTestsOnPostgres(PostgresSearchHostFixture fixture) : SearchSourcesTests(fixture);

[Collection(SqliteSearchCollection.Name)]
public sealed class SearchSourcesTestsOnSqlite(SqliteSearchHostFixture fixture) : SearchSourcesTests(fixture);
