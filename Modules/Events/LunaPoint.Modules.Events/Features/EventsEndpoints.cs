using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Events.Features;

/// <summary>The module's route groups; each use case maps its own endpoint.</summary>
internal static class EventsEndpoints
{
    public static void MapEventsEndpoints(this IEndpointRouteBuilder api)
    {
        var events = api.MapGroup("/events").WithTags("Events");
        var lists = api.MapGroup("/lists").WithTags("Lists");
        var faces = api.MapGroup("/faces").WithTags("Faces");
        var search = api.MapGroup("").WithTags("Search");
        ListListsEndpoint.Map(lists);
        GetListEndpoint.Map(lists);
        CreateListEndpoint.Map(lists);
        PatchListEndpoint.Map(lists);
        DeleteListEndpoint.Map(lists);
        ListFacesEndpoint.Map(lists);
        CreateFaceEndpoint.Map(lists);
        ImportDescriptorsEndpoint.Map(lists);
        BulkEnrolFacesEndpoint.Map(lists);
        GetFaceEndpoint.Map(faces);
        PatchFaceEndpoint.Map(faces);
        DeleteFaceEndpoint.Map(faces);
        AddFacePhotoEndpoint.Map(faces);
        DeleteFacePhotoEndpoint.Map(faces);
        GetFacePhotoImageEndpoint.Map(faces);
        _ = (events, lists, faces, search);
        ListEventsEndpoint.Map(events);
        ExportEventsEndpoint.Map(events);
        GetEventEndpoint.Map(events);
        GetEventImageEndpoint.Map(events);
        SearchFacesEndpoint.Map(search);
        VerifyFacesEndpoint.Map(search);
    }
}
