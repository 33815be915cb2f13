using LunaPoint.Modules.Detection.Inference;

namespace LunaPoint.Tests.Modules.Detection.Inference;

/// <summary>The shared sessions under many callers give what one caller gets.</summary>
[Collection(FaceEngineCollection.Name)]
public sealed class FaceEngineConcurrencyTests(FaceEngineFixture fixture)
{
    [Fact]
    public async Task EightConcurrentCallers_GetTheSameFacesAndDescriptorsAsSerialCalls()
    {
        string[] photos = ["astronaut.png", "facereg.jpg", "lbp_yale.jpg", "face_swapped.jpg", "faceDetection.png", "julia_facedetect_sample.jpg", "messi5.jpg", "astronaut.png"];
        var serial = new List<string>();
        foreach (var photo in photos)
        {
            serial.Add(await AnalyseAsync(photo));
        }

        var concurrent = await Task.WhenAll(photos.Select(photo => Task.Run(() => AnalyseAsync(photo))));

        Assert.Equal(serial, concurrent);
    }

    /// <summary>Every face's box, score, pose and the first descriptor values, as text to compare.</summary>
    private async Task<string> AnalyseAsync(string photo)
    {
        using var image = FaceEngineFixture.Load(photo);
        var engine = fixture.Engine;
        var parts = new List<string>();
        foreach (var face in await engine.DetectAsync(image, new DetectOptions(MinFaceSize: 20), CancellationToken.None))
        {
            var landmarks = await engine.LandmarksAsync(image, face.Box, CancellationToken.None);
            var pose = await engine.PoseAsync(image, face.Box, CancellationToken.None);
            using var aligned = engine.Align(image, landmarks);
            var descriptor = await engine.DescribeAsync(aligned, CancellationToken.None);
            parts.Add($"{face.Box} {face.Score:R} {pose} {string.Join(",", descriptor.Take(8).Select(v => v.ToString("R")))}");
        }

        Assert.NotEmpty(parts);
        return photo + ": " + string.Join("; ", parts);
    }
}
