using System.Text.Json;
using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.Modules.Detection.Inference;
using LunaPoint.Modules.Detection.Iso;
using LunaPoint.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LunaPoint.Tests.Modules.Detection.Inference;

/// <summary>What every face's estimates must be, wherever the face lies: finite, in range, rounded, writable as JSON.</summary>
internal static class EstimateSanity
{
    public const FaceEstimateKinds All = FaceEstimateKinds.Liveness | FaceEstimateKinds.Attributes | FaceEstimateKinds.Pose | FaceEstimateKinds.Eyes | FaceEstimateKinds.Iso;

    /// <summary>An estimator whose failed parts are collected, so a crash swallowed into a null part still fails the test.</summary>
    public static (FaceEstimator Estimator, CollectedLogs Logs) Estimator(FaceEngineFixture fixture, EstimateOptions? options = null)
    {
        var logs = new CollectedLogs();
        var logger = new LoggerFactory([logs]).CreateLogger<FaceEstimator>();
        return (new FaceEstimator(fixture.Engine, Options.Create(options ?? new EstimateOptions()), new IsoChecker(Options.Create(new IsoOptions())), logger), logs);
    }

    /// <param name="usable">The box has area: then every part asked for must be there (attributes only from their minimum size).</param>
    public static void Assert(FaceEstimates e, bool usable, float longerSide, string where)
    {
        // JSON refuses NaN and infinities: this is what the photo API and the webhooks do with it.
        var json = JsonSerializer.Serialize(e);
        Xunit.Assert.NotNull(e.Liveness);
        Xunit.Assert.NotNull(e.Eyes);
        Xunit.Assert.NotNull(e.Image);
        Xunit.Assert.NotNull(e.Iso);
        Xunit.Assert.True((e.Liveness!.State == LivenessState.Unknown) == (e.Liveness.Score is null), $"{where}: {json}");
        Unit(e.Liveness.Score, where, json);
        Xunit.Assert.Equal(usable, e.Pose is not null);
        if (e.Pose is { } pose)
        {
            foreach (var angle in new[] { pose.Yaw, pose.Pitch, pose.Roll })
            {
                Xunit.Assert.True(angle is >= -99 and <= 99 && Math.Round(angle, 1) == angle, $"{where}: angle {angle} in {json}");
            }
        }

        Xunit.Assert.True(usable && longerSide >= new EstimateOptions().AttributesMinFaceSize ? e.Attributes is not null : e.Attributes is null, $"{where}: {json}");
        if (e.Attributes is { } a)
        {
            Xunit.Assert.True(a.Age is >= 0 and <= 101 && a.Gender is "female" or "male" && a.GenderScore is >= 0.5 and <= 1, $"{where}: {json}");
        }

        foreach (var eye in new[] { e.Eyes!.Left, e.Eyes.Right })
        {
            Xunit.Assert.True((eye.State == EyeState.Unknown) == (eye.OpenScore is null), $"{where}: {json}");
            Unit(eye.OpenScore, where, json);
        }

        Unit(e.Image!.Sharpness, where, json);
        Unit(e.Image.Brightness, where, json);
        Unit(e.Image.Exposure, where, json);
        foreach (var check in e.Iso!.Checks)
        {
            foreach (var value in new[] { check.Value, check.Min, check.Max })
            {
                Xunit.Assert.True(value is null || (double.IsFinite(value.Value) && Math.Round(value.Value, 4) == value), $"{where}: {check}");
            }

            Xunit.Assert.True((check.Value is null) == (check.Passed is null), $"{where}: {check}");
        }
    }

    private static void Unit(double? value, string where, string json) =>
        Xunit.Assert.True(value is null || (value is >= 0 and <= 1 && Math.Round(value.Value, 4) == value), $"{where}: {value} in {json}");
}
