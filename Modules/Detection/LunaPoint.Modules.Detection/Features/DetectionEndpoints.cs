using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Detection.Features;

/// <summary>The module's route groups; each use case maps its own endpoint.</summary>
internal static class DetectionEndpoints
{
    public static void MapDetectionEndpoints(this IEndpointRouteBuilder api)
    {
        var detections = api.MapGroup("/detections").WithTags("Detections");
        DetectFacesEndpoint.Map(detections);

        // Live figures and views of the streams Streams owns: same resource path, Detection's data.
        var streams = api.MapGroup("/streams").WithTags("Stream analysis");
        GetStreamStatsEndpoint.Map(streams);
        GetStreamPreviewEndpoint.Map(streams);
        WatchStreamLiveEndpoint.Map(streams);
    }
}
