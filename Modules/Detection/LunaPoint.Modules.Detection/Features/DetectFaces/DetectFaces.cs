using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.Modules.Detection.Inference;
using LunaPoint.SharedKernel.Errors;
using Mediator;
using Microsoft.Extensions.Options;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Features;

/// <summary>
/// LUNA's detect/extract: every face of a photo, largest first, with five landmarks, a quality
/// (<see cref="FaceQuality"/>) and, when asked, the descriptor of the aligned face.
/// </summary>
internal sealed class DetectFacesHandler(FaceEngine engine, IOptions<PhotoOptions> options) : IQueryHandler<DetectFaces, FaceDetectionResult>
{
    public async ValueTask<FaceDetectionResult> Handle(DetectFaces query, CancellationToken cancellationToken)
    {
        using var image = PhotoDecoder.Decode(query.Image, options.Value);
        if (!engine.IsReady)
        {
            throw new ServiceUnavailableException("The face models are not loaded yet; see /health/ready.");
        }

        var faces = new List<DetectedFace>();
        var candidates = await engine.DetectAsync(image, new DetectOptions(MinFaceSize: options.Value.MinFaceSize), cancellationToken);
        foreach (var face in candidates)
        {
            faces.Add(await DescribeAsync(image, face, query.WithDescriptors, cancellationToken));
        }

        // Largest first by the boxes as answered (rounded), so the order is the one a client sees.
        return new FaceDetectionResult(image.Width, image.Height, faces.OrderByDescending(f => f.Box.Width * f.Box.Height).ToList());
    }

    private async Task<DetectedFace> DescribeAsync(Mat image, FaceCandidate face, bool withDescriptor, CancellationToken cancellationToken)
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

        var box = new FaceBox((int)Math.Round(face.Box.X), (int)Math.Round(face.Box.Y), (int)Math.Round(face.Box.Width), (int)Math.Round(face.Box.Height));
        return new DetectedFace(
            box,
            face.Score,
            landmarks.Points5.Select(p => new FacePoint(p.X, p.Y)).ToList(),
            Math.Round(quality, 4),
            descriptor,
            withDescriptor ? FaceEngine.DescriptorModel : null);
    }
}
