using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Inference;

// STUB (step 5 plan): the inference side's surface as the stream worker and the photo API use it.
// The inference work package replaces the NotImplemented parts; keep these signatures.

/// <summary>A face the detector found: its box in pixels of the frame, and the detector's score.</summary>
internal sealed record FaceCandidate(Rect2f Box, float Score);

/// <summary>68 landmarks and the five alignment points (left eye, right eye, nose tip, left and right mouth corner), in frame pixels.</summary>
internal sealed record FaceLandmarks(Point2f[] Points68, Point2f[] Points5);

/// <summary>Head pose in degrees; 0/0/0 is a frontal face.</summary>
internal sealed record HeadPose(float Yaw, float Pitch, float Roll);

/// <param name="Threshold">Minimum detector score.</param>
/// <param name="MinFaceSize">Smallest face side in frame pixels worth finding; decides how far the pyramid/tiling goes.</param>
internal sealed record DetectOptions(float Threshold = 0.65f, int MinFaceSize = 40);

/// <summary>
/// The face models as the rest of the module uses them: one shared ONNX session per model (from
/// <see cref="FaceModels.FaceModelStore"/>), safe for concurrent use by every stream and request,
/// batching or queueing calls as the models allow.
/// </summary>
internal sealed class FaceEngine
{
    public const string DescriptorModel = "fr_feature";

    /// <summary>Whether the models are loaded (else every call throws InvalidOperationException naming why).</summary>
    public bool IsReady => throw new NotImplementedException();

    /// <summary>Faces in a BGR frame, any size; small faces found by tiling/pyramid down to options.MinFaceSize; NMS applied.</summary>
    public ValueTask<IReadOnlyList<FaceCandidate>> DetectAsync(Mat bgr, DetectOptions options, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public ValueTask<FaceLandmarks> LandmarksAsync(Mat bgr, Rect2f box, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public ValueTask<HeadPose> PoseAsync(Mat bgr, Rect2f box, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>The face warped to 112x112 BGR by a similarity transform of its five points; the caller disposes it.</summary>
    public Mat Align(Mat bgr, FaceLandmarks landmarks) => throw new NotImplementedException();

    /// <summary>512 floats, L2-normalised, of an aligned 112x112 BGR face.</summary>
    public ValueTask<float[]> DescribeAsync(Mat aligned, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>Sharpness of the face region, 0..1 (variance of the Laplacian, normalised).</summary>
    public static double Sharpness(Mat bgr, Rect2f box) => throw new NotImplementedException();
}
