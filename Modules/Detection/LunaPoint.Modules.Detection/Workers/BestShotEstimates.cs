using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.Modules.Detection.Inference;
using Microsoft.Extensions.Logging;

namespace LunaPoint.Modules.Detection.Workers;

/// <summary>
/// The estimates of one best shot, made from the held context crop (never per frame); the ISO checks judge
/// the portrait cut from it (<see cref="StreamIsoCheck"/>). A failing model costs the estimates, not the
/// best shot: the failure is logged and the shot goes out without them.
/// </summary>
internal sealed partial class BestShotEstimates(FaceEstimator estimator, StreamIsoCheck iso, TimeProvider clock, ILogger<BestShotEstimates> logger)
{
    public async Task<FaceEstimates?> EstimateAsync(Guid streamId, HeldShot shot, FaceEstimateKinds kinds, StreamRuntime runtime, CancellationToken cancellationToken)
    {
        if (shot.Estimated is { } done && done.Kinds == kinds)
        {
            return done.Estimates;
        }

        var started = clock.GetTimestamp();
        try
        {
            var box = shot.BoxInContext;
            // ISO's own inputs (pose, eyes) come from the crop; its checks then run on the portrait, not on the crop.
            var wantIso = kinds.HasFlag(FaceEstimateKinds.Iso);
            var fromCrop = wantIso ? (kinds & ~FaceEstimateKinds.Iso) | FaceEstimateKinds.Pose | FaceEstimateKinds.Eyes : kinds;
            // The estimator adds the image measure to any estimate; stream kinds always hold pose and eyes.
            var estimates = await estimator.EstimateAsync(shot.Context, box, shot.LandmarksInContext, fromCrop, shot.FacesInContext, cancellationToken);
            // The portrait's ISO report is made here, outside the estimator: rounded like the rest.
            estimates = wantIso ? EstimateRounding.Round(estimates with { Iso = iso.Check(shot, estimates) }) : estimates;
            shot.Estimated = (kinds, estimates);
            runtime.Estimates.Add(clock.GetElapsedTime(started).TotalMilliseconds);
            return estimates;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref runtime.EstimateFailures);
            LogFailed(ex, streamId, kinds);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Estimates ({Kinds}) of a best shot of stream {StreamId} failed; the shot goes out without them")]
    private partial void LogFailed(Exception exception, Guid streamId, FaceEstimateKinds kinds);
}
