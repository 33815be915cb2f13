using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Domain;
using LunaPoint.Modules.Events.Matching;
using Microsoft.Extensions.DependencyInjection;
using OpenCvSharp;

namespace LunaPoint.Benchmarks.Search;

/// <summary>Fills the watchlist index with random unit descriptors (index only) plus one enrolled face (row and index).</summary>
internal static class SearchFill
{
    public static async Task<Guid> FillAsync(IServiceProvider services, WatchlistIndex index, Guid list, int faces, float[] enrolled)
    {
        var random = new Random(7);
        const int Batch = 10_000;
        for (var done = 0; done < faces - 1; done += Batch)
        {
            var entries = Enumerable.Range(0, Math.Min(Batch, faces - 1 - done)).Select(_ => (Guid.NewGuid(), Guid.NewGuid(), RandomUnit(random))).ToList();
            index.Index.AddRange(list, entries);
        }

        // Only the enrolled face has rows: the handler answers names from them, and drops hits it cannot name.
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        var now = DateTimeOffset.UtcNow;
        var face = new Face { Id = Guid.NewGuid(), Name = "Eileen", CreatedAt = now, UpdatedAt = now };
        var photo = new FacePhoto { Id = Guid.NewGuid(), FaceId = face.Id, Descriptor = DescriptorCodec.ToBytes(enrolled), DescriptorModel = DescriptorCodec.Model, CreatedAt = now };
        db.Lists.Add(new FaceList { Id = list, Name = "benchmark", Color = "#000000", Threshold = Similarity.DefaultThreshold, CreatedAt = now, UpdatedAt = now });
        db.Faces.Add(face);
        db.FacePhotos.Add(photo);
        db.ListMembers.Add(new ListMember { ListId = list, FaceId = face.Id, AddedAt = now });
        await db.SaveChangesAsync();
        index.Index.Add(list, photo.Id, face.Id, enrolled);
        return face.Id;
    }

    private static float[] RandomUnit(Random random)
    {
        var values = new float[DescriptorCodec.Dimensions];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(random.NextDouble() * 2 - 1);
        }

        DescriptorCodec.TryNormalise(values, out _);
        return values;
    }
}

/// <summary>The query photos: the enrolled photo flipped, scaled and re-encoded, so no query is the enrolled image itself.</summary>
internal static class SearchPhotos
{
    public static IReadOnlyList<byte[]> Variants(string path)
    {
        using var image = Cv2.ImRead(path);
        using var flipped = image.Flip(FlipMode.Y);
        using var scaled = image.Resize(new Size(0, 0), 0.6, 0.6, InterpolationFlags.Area);
        Cv2.ImEncode(".png", flipped, out var a);
        Cv2.ImEncode(".png", scaled, out var b);
        Cv2.ImEncode(".jpg", image, out var c, [new ImageEncodingParam(ImwriteFlags.JpegQuality, 60)]);
        return [a, b, c];
    }
}
