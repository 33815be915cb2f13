using Microsoft.AspNetCore.Mvc;

namespace LunaPoint.Modules.Events.Features;

/// <summary>
/// The filters as query parameters (bound by the framework, so a bad Guid, time or number is a 400 naming
/// the parameter). Class, not struct: [AsParameters] then lists each one in OpenAPI.
/// </summary>
internal sealed class EventFilterParameters
{
    [FromQuery(Name = "from")]
    public DateTimeOffset? From { get; init; }
    [FromQuery(Name = "to")]
    public DateTimeOffset? To { get; init; }
    [FromQuery(Name = "streamId")]
    public Guid? StreamId { get; init; }
    [FromQuery(Name = "listId")]
    public Guid? ListId { get; init; }
    [FromQuery(Name = "faceId")]
    public Guid? FaceId { get; init; }
    [FromQuery(Name = "matched")]
    public bool? Matched { get; init; }
    [FromQuery(Name = "ageFrom")]
    public double? AgeFrom { get; init; }
    [FromQuery(Name = "ageTo")]
    public double? AgeTo { get; init; }
    [FromQuery(Name = "gender")]
    public string? Gender { get; init; }
    [FromQuery(Name = "liveness")]
    public string? Liveness { get; init; }

    public EventFilter ToFilter() => new(From, To, StreamId, ListId, FaceId, Matched, AgeFrom, AgeTo, Gender, Liveness);
}
