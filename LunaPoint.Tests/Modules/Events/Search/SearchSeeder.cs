using System.Collections.Concurrent;
using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Domain;
using LunaPoint.Modules.Events.Images;
using LunaPoint.Modules.Events.Matching;
using LunaPoint.Tests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Tests.Modules.Events.Search;

/// <summary>
/// Writes watchlist faces and events the way the module stores them (rows, image store files, index
/// entries), with descriptors the real models extract from real photos.
/// </summary>
internal sealed class SearchSeeder(LunaPointFactory factory)
{
    private readonly ConcurrentDictionary<string, float[]> _descriptors = new();

    /// <summary>The descriptor of the largest face of a photo, through Detection's photo query.</summary>
    public async Task<float[]> DescribeAsync(byte[] photo)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new DetectFaces(photo, WithDescriptors: true));
        Assert.NotEmpty(result.Faces);
        return result.Faces[0].Descriptor!;
    }

    public async Task<float[]> DescribeAsync(string mediaName) =>
        _descriptors.TryGetValue(mediaName, out var known) ? known : _descriptors[mediaName] = await DescribeAsync(SearchMedia.File(mediaName));

    public async Task<Guid> CreateListAsync(string? name = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        var list = new FaceList { Id = Guid.NewGuid(), Name = name ?? $"list-{Guid.NewGuid():N}", Color = "#3366ff", Threshold = Similarity.DefaultThreshold, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
        db.Lists.Add(list);
        await db.SaveChangesAsync();
        return list.Id;
    }

    /// <summary>A face enrolled in the lists with one photo's descriptor: a row, a membership per list, a photo row and index entries.</summary>
    public async Task<(Guid FaceId, Guid PhotoId)> EnrolAsync(string name, float[] descriptor, params Guid[] listIds)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        var now = DateTimeOffset.UtcNow;
        var face = new Face { Id = Guid.NewGuid(), Name = name, ExternalId = "ext-" + name, CreatedAt = now, UpdatedAt = now };
        var photo = new FacePhoto { Id = Guid.NewGuid(), FaceId = face.Id, Descriptor = DescriptorCodec.ToBytes(descriptor), DescriptorModel = DescriptorCodec.Model, Quality = 0.9, CreatedAt = now };
        db.Faces.Add(face);
        db.FacePhotos.Add(photo);
        db.ListMembers.AddRange(listIds.Select(l => new ListMember { ListId = l, FaceId = face.Id, AddedAt = now }));
        await db.SaveChangesAsync();
        var index = factory.Services.GetRequiredService<WatchlistIndex>().Index;
        foreach (var list in listIds)
        {
            index.Add(list, photo.Id, face.Id, descriptor);
        }

        return (face.Id, photo.Id);
    }

    /// <summary>An event as ingestion stores it; <paramref name="shape"/> sets the fields a test filters on.</summary>
    public async Task<DetectionEvent> AddEventAsync(Guid streamId, DateTimeOffset startedAt, float[] descriptor, Action<DetectionEvent>? shape = null, params EventMatch[] matches)
    {
        var id = Guid.NewGuid();
        var e = new DetectionEvent
        {
            Id = id,
            StreamId = streamId,
            TrackId = Guid.NewGuid(),
            StartedAt = startedAt,
            CapturedAt = startedAt.AddMilliseconds(400),
            EndedAt = startedAt.AddSeconds(3),
            Descriptor = DescriptorCodec.ToBytes(descriptor),
            DescriptorModel = DescriptorCodec.Model,
            BoxX = 10, BoxY = 20, BoxWidth = 120, BoxHeight = 150, FrameWidth = 1280, FrameHeight = 720,
            Quality = 0.81234,
            FaceImagePath = ImageStore.NewPath("events", startedAt, id, "-face"),
            ContextImagePath = ImageStore.NewPath("events", startedAt, id, "-context"),
            StreamName = "Gate " + streamId.ToString("N")[..6],
            Location = "Hall A",
            BestShots = 1,
            UpdatedAt = startedAt,
        };
        shape?.Invoke(e);
        await using var scope = factory.Services.CreateAsyncScope();
        var images = scope.ServiceProvider.GetRequiredService<ImageStore>();
        await images.SaveAsync(e.FaceImagePath, SearchMedia.Jpeg("astronaut.png"), CancellationToken.None);
        await images.SaveAsync(e.ContextImagePath, SearchMedia.Jpeg("facereg.jpg"), CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        db.Events.Add(e);
        db.EventMatches.AddRange(matches.Select((m, rank) => new EventMatch { EventId = id, FaceId = m.FaceId, ListId = m.ListId, Rank = rank, Similarity = m.Similarity, Name = m.Name, StartedAt = startedAt }));
        if (matches.Length > 0)
        {
            (e.TopFaceId, e.TopListId, e.TopName, e.TopSimilarity) = (matches[0].FaceId, matches[0].ListId, matches[0].Name, matches[0].Similarity);
        }

        await db.SaveChangesAsync();
        factory.Services.GetRequiredService<EventIndex>().Index.Add(EventIndex.PartitionOf(startedAt), id, streamId, descriptor);
        return e;
    }

    public static EventMatch Match(Guid faceId, Guid listId, string name, double similarity) =>
        new() { FaceId = faceId, ListId = listId, Name = name, Similarity = similarity };
}
