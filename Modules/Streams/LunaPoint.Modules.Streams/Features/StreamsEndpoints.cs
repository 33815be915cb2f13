using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Streams.Features;

/// <summary>The module's one route group; each use case maps its own endpoint.</summary>
internal static class StreamsEndpoints
{
    public static void MapStreamsEndpoints(this IEndpointRouteBuilder api)
    {
        var streams = api.MapGroup("/streams").WithTags("Streams");
        ListStreamsEndpoint.Map(streams);
        GetStreamEndpoint.Map(streams);
        GetStreamLogEndpoint.Map(streams);
        CreateStreamEndpoint.Map(streams);
        UpdateStreamEndpoint.Map(streams);
        PatchStreamEndpoint.Map(streams);
        DeleteStreamEndpoint.Map(streams);
        ImportStreamsEndpoint.Map(streams);
        ExportStreamsEndpoint.Map(streams);
        StartStreamEndpoint.Map(streams);
        StopStreamEndpoint.Map(streams);
    }
}
