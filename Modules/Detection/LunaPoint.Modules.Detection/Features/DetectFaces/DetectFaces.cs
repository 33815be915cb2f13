using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.Modules.Detection.Inference;
using LunaPoint.Modules.Detection.Workers;
using LunaPoint.SharedKernel.Errors;
using Mediator;
using Microsoft.Extensions.Options;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Features;

/// <summary>
/// LUNA's detect/extract: the largest faces of a photo (at most <see cref="PhotoOptions.MaxFaces"/>),
/// largest first, with five landmarks, a quality (<see cref="FaceQuality"/>) and, when asked, the
/// descriptor of the aligned face. The API and every module's query take the same host-wide turn
/// (<see cref="PhotoGate"/>) and the same per-photo detector budget. <see cref="DetectFaces.Estimate"/> adds
/// each face's estimates (<see cref="FaceEstimator"/>); licensed ones are refused before any turn is taken.
/// </summary>
internal sealed class DetectFacesHandler(FaceEngine engine, FaceEstimator estimator, EstimateLicence licence, PhotoGate gate, IOptions<PhotoOptions> options)
    : IQueryHandler<DetectFaces, FaceDetectionResult>
{
    public async ValueTask<FaceDetectionResult> Handle(DetectFaces query, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        // Bad bytes are refused before waiting for a turn; nothing is decoded until one is held.
        PhotoDecoder.Inspect(query.Image, settings);
        await licence.CheckAsync(query.Estimate, cancellationToken);
        if (!engine.IsReady)
        {
            throw new ServiceUnavailableException("The face models are not loaded yet; see /health/ready.");
        }

        using var turn = await gate.EnterAsync(cancellationToken);
        using var image = PhotoDecoder.Decode(query.Image, settings);
        var minFace = DetectionPlan.EffectiveMinFace(image.Width, image.Height, settings.MinFaceSize, settings.MaxDetectorWindows);
        var candidates = await engine.DetectAsync(image, new DetectOptions(MinFaceSize: minFace), cancellationToken);

        // Largest first by the boxes as answered (rounded), so the order is the one a client sees; the
        // cut comes before landmarks, pose and descriptors, which cost per face.
        var faces = new List<DetectedFace>();
        foreach (var face in candidates.OrderByDescending(c => Rounded(c.Box).Width * Rounded(c.Box).Height).Take(settings.MaxFaces))
        {
            var (described, pose) = await DescribeAsync(image, face, query.WithDescriptors, cancellationToken);
            var answered = query.Estimate == FaceEstimateKinds.None ? described : described with { Estimates = await EstimateAsync(image, face, described, pose, query.Estimate, candidates.Count, cancellationToken) };
            faces.Add(query.WithCrops ? answered with { CropJpeg = CropJpeg(image, face.Box) } : answered);
        }

        return new FaceDetectionResult(image.Width, image.Height, faces) { FacesFound = candidates.Count, MinFaceSize = minFace };
    }

    // The pose measured for quality is this box's in this image: the estimates reuse it rather than run fr_pose again.
    private ValueTask<FaceEstimates> EstimateAsync(Mat image, FaceCandidate face, DetectedFace described, HeadPose pose, FaceEstimateKinds kinds, int faces, CancellationToken cancellationToken) =>
        estimator.EstimateAsync(image, face.Box, [.. described.Landmarks.Select(p => new Point2f(p.X, p.Y))], kinds, faces, pose, cancellationToken);

    // The same crop and quality as a best shot's context JPEG, so enrolled photos and events look alike.
    private static byte[] CropJpeg(Mat image, Rect2f box)
    {
        var (crop, _) = HeldShot.CropContext(image, box);
        using (crop)
        {
            return crop.ImEncode(".jpg", BestShotEmitter.JpegQuality);
        }
    }

    private static FaceBox Rounded(Rect2f box) =>
        new((int)Math.Round(box.X), (int)Math.Round(box.Y), (int)Math.Round(box.Width), (int)Math.Round(box.Height));

    private async Task<(DetectedFace Face, HeadPose Pose)> DescribeAsync(Mat image, FaceCandidate face, bool withDescriptor, CancellationToken cancellationToken)
    {
        var landmarks = await engine.LandmarksAsync(image, face.Box, cancellationToken);
        var pose = await engine.PoseAsync(image, face.Box, cancellationToken);
        var quality = FaceQuality.Of(face.Score, Math.Max(face.Box.Width, face.Box.Height), pose, FaceEngine.Sharpness(image, face.Box));
        float[]? descriptor = null;
        if (withDescriptor)
        {
            using var aligned = engine.Align(image, landmarks);
            descriptor = await engine.DescribeAsync(aligned, cancellationToken);
        }

        return (new DetectedFace(
            Rounded(face.Box),
            face.Score,
            landmarks.Points5.Select(p => new FacePoint(p.X, p.Y)).ToList(),
            Math.Round(quality, 4),
            descriptor,
            withDescriptor ? FaceEngine.DescriptorModel : null), pose);
    }
}
