using System.Text.Json;
using System.Text.Json.Serialization;
using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.Modules.Events.Domain;
using LunaPoint.Modules.Events.Matching;

namespace LunaPoint.Modules.Events.Ingestion;

/// <summary>Copies a best shot's own fields (not its images or matches) onto its event.</summary>
internal static class ShotFields
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static void Apply(DetectionEvent row, FaceBestShotCaptured shot)
    {
        row.CapturedAt = shot.CapturedAt;
        row.Descriptor = DescriptorCodec.ToBytes(shot.Descriptor);
        row.DescriptorModel = shot.DescriptorModel;
        (row.BoxX, row.BoxY, row.BoxWidth, row.BoxHeight) = (shot.Box.X, shot.Box.Y, shot.Box.Width, shot.Box.Height);
        (row.FrameWidth, row.FrameHeight) = (shot.FrameWidth, shot.FrameHeight);
        row.Quality = shot.Quality;
        if (shot.TrackEndedAt is { } ended)
        {
            row.EndedAt = ended;
        }

        // A later shot without estimates (a failed model) keeps what the earlier one measured.
        if (shot.Estimates is { } estimates)
        {
            row.EstimatesJson = JsonSerializer.Serialize(estimates, Json);
            row.Age = estimates.Attributes?.Age ?? row.Age;
            row.Gender = estimates.Attributes?.Gender ?? row.Gender;
            row.Liveness = estimates.Liveness is { } liveness ? LivenessName(liveness.State) : row.Liveness;
        }

        row.BestShots++;
    }

    public static string LivenessName(LivenessState state) => state switch
    {
        LivenessState.Real => "real",
        LivenessState.Spoof => "spoof",
        _ => "unknown",
    };
}
