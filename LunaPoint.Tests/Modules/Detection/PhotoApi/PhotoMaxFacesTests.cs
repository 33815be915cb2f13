using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.Modules.Detection.Features;
using LunaPoint.Modules.Detection.Inference;
using LunaPoint.Tests.Infrastructure;
using LunaPoint.Tests.Modules.Detection.Inference;
using Microsoft.Extensions.Options;

namespace LunaPoint.Tests.Modules.Detection.PhotoApi;

/// <summary>The DetectFaces query (the API's and other modules') answers the largest MaxFaces faces and says how many it found.</summary>
[Collection(FaceEngineCollection.Name)]
public sealed class PhotoMaxFacesTests(FaceEngineFixture fixture)
{
    [Fact]
    public async Task MoreFacesThanMaxFaces_AnswersTheLargestOnes_AndHowManyWereFound()
    {
        var photo = await File.ReadAllBytesAsync(RepoPaths.Media("facereg.jpg"));
        var all = await HandlerWith(new PhotoOptions()).Handle(new DetectFaces(photo, WithDescriptors: true), CancellationToken.None);

        var cut = await HandlerWith(new PhotoOptions { MaxFaces = 2 }).Handle(new DetectFaces(photo, WithDescriptors: true), CancellationToken.None);

        Assert.Equal(4, all.Faces.Count);
        Assert.Equal(4, all.FacesFound);
        Assert.Equal(4, cut.FacesFound);
        Assert.Equal(all.Faces.Take(2).Select(f => f.Box), cut.Faces.Select(f => f.Box));
        Assert.All(cut.Faces, f => Assert.Equal(512, f.Descriptor?.Length));
        Assert.Equal(40, cut.MinFaceSize);
    }

    // No estimate is asked, so neither the estimator's settings nor the licence (no sender) is consulted.
    private DetectFacesHandler HandlerWith(PhotoOptions options) =>
        new(
            fixture.Engine,
            new FaceEstimator(fixture.Engine, Options.Create(new EstimateOptions()), new LunaPoint.Modules.Detection.Iso.IsoChecker(Options.Create(new LunaPoint.Modules.Detection.Iso.IsoOptions()))),
            new EstimateLicence(null!, null!),
            new PhotoGate(Options.Create(options)),
            Options.Create(options));
}
