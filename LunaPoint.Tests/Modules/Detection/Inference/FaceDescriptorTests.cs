using LunaPoint.Modules.Detection.Inference;
using OpenCvSharp;
using Xunit.Abstractions;

namespace LunaPoint.Tests.Modules.Detection.Inference;

/// <summary>fr_feature after 5-point alignment: one face stays one face under flip, scale and JPEG loss; other people do not match.</summary>
[Collection(FaceEngineCollection.Name)]
public sealed class FaceDescriptorTests(FaceEngineFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData("astronaut.png")]
    [InlineData("faceDetection.png")]
    [InlineData("face_swapped.jpg")]
    [InlineData("julia_facedetect_sample.jpg")]
    public async Task SameFace_UnderFlipScaleAndJpegQ40_StaysAbove09(string photo)
    {
        using var image = FaceEngineFixture.Load(photo);
        using var flipped = image.Flip(FlipMode.Y);
        using var scaled = image.Resize(new Size(0, 0), 0.6, 0.6, InterpolationFlags.Area);
        using var lossy = FacePipeline.Reencode(image, 40);

        var original = await FacePipeline.DescribeLargestAsync(fixture.Engine, image);

        Assert.Equal(512, original.Length);
        Assert.Equal(1.0, Math.Sqrt(original.Sum(v => (double)v * v)), 3);
        foreach (var (name, variant) in new[] { ("flipped", flipped), ("scaled 0.6", scaled), ("JPEG q40", lossy) })
        {
            var cosine = FacePipeline.Cosine(original, await FacePipeline.DescribeLargestAsync(fixture.Engine, variant));
            output.WriteLine($"{photo} {name}: {cosine:0.000}");
            Assert.True(cosine >= 0.9, $"{photo} {name}: cosine {cosine:0.000}");
        }
    }

    [Fact]
    public async Task DifferentPeople_AreWellBelow05()
    {
        string[] people = ["astronaut.png", "faceDetection.png", "face_swapped.jpg", "julia_facedetect_sample.jpg", "lbp_yale.jpg"];
        var descriptors = new List<float[]>();
        foreach (var photo in people)
        {
            using var image = FaceEngineFixture.Load(photo);
            descriptors.Add(await FacePipeline.DescribeLargestAsync(fixture.Engine, image));
        }

        for (var i = 0; i < people.Length; i++)
        {
            for (var j = i + 1; j < people.Length; j++)
            {
                var cosine = FacePipeline.Cosine(descriptors[i], descriptors[j]);
                output.WriteLine($"{people[i]} vs {people[j]}: {cosine:0.000}");
                Assert.True(cosine < 0.5, $"{people[i]} vs {people[j]}: cosine {cosine:0.000}");
            }
        }
    }

    [Fact]
    public async Task Align_PutsTheFivePointsOnTheReference()
    {
        using var image = FaceEngineFixture.Load("astronaut.png");
        var face = await FacePipeline.LargestFaceAsync(fixture.Engine, image);
        var landmarks = await fixture.Engine.LandmarksAsync(image, face.Box, CancellationToken.None);

        using var transform = FaceAligner.Similarity(landmarks.Points5, FaceAligner.Reference);
        var mapped = landmarks.Points5.Select(p => new Point2f(
            (float)(transform.At<double>(0, 0) * p.X + transform.At<double>(0, 1) * p.Y + transform.At<double>(0, 2)),
            (float)(transform.At<double>(1, 0) * p.X + transform.At<double>(1, 1) * p.Y + transform.At<double>(1, 2)))).ToArray();
        using var aligned = fixture.Engine.Align(image, landmarks);

        Assert.Equal(new Size(112, 112), aligned.Size());
        Assert.Equal(MatType.CV_8UC3, aligned.Type());
        for (var i = 0; i < 5; i++)
        {
            var distance = mapped[i].DistanceTo(FaceAligner.Reference[i]);
            Assert.True(distance < 6, $"point {i} lands {distance:0.0} px from the reference");
        }
    }
}
