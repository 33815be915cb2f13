using LunaPoint.Modules.Detection.FaceModels;
using Microsoft.Extensions.Options;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Inference;

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
/// queueing calls per model (<see cref="ModelRunner"/>).
/// </summary>
internal sealed class FaceEngine(FaceModelStore store, IOptions<FaceModelOptions> options) : IDisposable
{
    public const string DescriptorModel = "fr_feature";

    private readonly Lock _gate = new();
    private Models? _models;

    /// <summary>Whether the models are loaded (else every call throws InvalidOperationException naming why).</summary>
    public bool IsReady => store.State == FaceModelState.Ready;

    /// <summary>Faces in a BGR frame, any size; small faces found by tiling/pyramid down to options.MinFaceSize; NMS applied.</summary>
    public ValueTask<IReadOnlyList<FaceCandidate>> DetectAsync(Mat bgr, DetectOptions options, CancellationToken cancellationToken) =>
        Loaded.Detector.DetectAsync(bgr, options, cancellationToken);

    public ValueTask<FaceLandmarks> LandmarksAsync(Mat bgr, Rect2f box, CancellationToken cancellationToken) =>
        Loaded.Landmarks.RunAsync(bgr, box, cancellationToken);

    public ValueTask<HeadPose> PoseAsync(Mat bgr, Rect2f box, CancellationToken cancellationToken) =>
        Loaded.Pose.RunAsync(bgr, box, cancellationToken);

    /// <summary>The face warped to 112x112 BGR by a similarity transform of its five points; the caller disposes it.</summary>
    public Mat Align(Mat bgr, FaceLandmarks landmarks) => FaceAligner.Align(bgr, landmarks.Points5);

    /// <summary>512 floats, L2-normalised, of an aligned 112x112 BGR face.</summary>
    public ValueTask<float[]> DescribeAsync(Mat aligned, CancellationToken cancellationToken) =>
        Loaded.Descriptor.RunAsync(aligned, cancellationToken);

    /// <summary>Sharpness of the face region, 0..1 (variance of the Laplacian, normalised).</summary>
    public static double Sharpness(Mat bgr, Rect2f box) => FaceSharpness.Measure(bgr, box);

    /// <summary>fr_liveness: 0..1, the belief the face is live (<see cref="LivenessModel"/>).</summary>
    internal ValueTask<double> LivenessAsync(Mat bgr, Rect2f box, CancellationToken cancellationToken) =>
        Loaded.Liveness.RunAsync(bgr, box, cancellationToken);

    /// <summary>fr_age: years (<see cref="AgeModel"/>).</summary>
    internal ValueTask<double> AgeAsync(Mat bgr, Rect2f box, CancellationToken cancellationToken) =>
        Loaded.Age.RunAsync(bgr, box, cancellationToken);

    /// <summary>fr_gender: about 0 female .. 1 male (<see cref="GenderModel"/>).</summary>
    internal ValueTask<double> GenderAsync(Mat bgr, Rect2f box, CancellationToken cancellationToken) =>
        Loaded.Gender.RunAsync(bgr, box, cancellationToken);

    /// <summary>fr_eye: 0..1, the belief the eye at <paramref name="eye"/> of a gray image is open (<see cref="EyeModel"/>).</summary>
    internal ValueTask<double> EyeOpenAsync(Mat gray, Point2f eye, float eyeDistance, CancellationToken cancellationToken) =>
        Loaded.Eyes.RunAsync(gray, eye, eyeDistance, cancellationToken);

    /// <summary>Runs allowed at once per model: cores / intra-op threads (one when ONNX Runtime picks its own count).</summary>
    internal int SlotsPerModel => Slots ?? (options.Value.IntraOpThreads <= 0 ? 1 : Math.Max(1, Environment.ProcessorCount / options.Value.IntraOpThreads));

    /// <summary>Overrides <see cref="SlotsPerModel"/> (the benchmark compares queue widths).</summary>
    internal int? Slots { get; init; }

    private Models Loaded
    {
        get
        {
            if (_models is { } models)
            {
                return models;
            }

            // Throws InvalidOperationException with the store's reason until the loader has finished.
            var detector = store["fr_detect"];
            lock (_gate)
            {
                return _models ??= new Models(
                    new FaceDetector(new ModelRunner(detector, SlotsPerModel)),
                    new LandmarkModel(new ModelRunner(store["fr_landmark"], SlotsPerModel)),
                    new PoseModel(new ModelRunner(store["fr_pose"], SlotsPerModel)),
                    new DescriptorModel(new ModelRunner(store[DescriptorModel], SlotsPerModel)))
                {
                    Liveness = new LivenessModel(new ModelRunner(store["fr_liveness"], SlotsPerModel)),
                    Age = new AgeModel(new ModelRunner(store["fr_age"], SlotsPerModel)),
                    Gender = new GenderModel(new ModelRunner(store["fr_gender"], SlotsPerModel)),
                    Eyes = new EyeModel(new ModelRunner(store["fr_eye"], SlotsPerModel)),
                };
            }
        }
    }

    public void Dispose() => _models?.Dispose();

    private sealed record Models(FaceDetector Detector, LandmarkModel Landmarks, PoseModel Pose, DescriptorModel Descriptor) : IDisposable
    {
        public required LivenessModel Liveness { get; init; }

        public required AgeModel Age { get; init; }

        public required GenderModel Gender { get; init; }

        public required EyeModel Eyes { get; init; }

        public void Dispose()
        {
            Liveness.Runner.Dispose();
            Age.Runner.Dispose();
            Gender.Runner.Dispose();
            Eyes.Runner.Dispose();
            Detector.Runner.Dispose();
            Landmarks.Runner.Dispose();
            Pose.Runner.Dispose();
            Descriptor.Runner.Dispose();
        }
    }
}
