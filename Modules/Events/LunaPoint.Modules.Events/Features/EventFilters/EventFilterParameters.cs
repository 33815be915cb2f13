using Microsoft.AspNetCore.Mvc;

namespace LunaPoint.Modules.Events.Features;

/// <summary>
/// The filters as query parameters. Bound as text and parsed by <see cref="SearchParameters"/>, so a bad
/// GUID, time or number is a 400 naming the parameter as the client spelt it (the binder would name the
/// C# property). A class, not a struct: [AsParameters] then lists each one in OpenAPI.
/// </summary>
internal sealed class EventFilterParameters
{
    [FromQuery(Name = "from")]
    public string? From { get; init; }

    [FromQuery(Name = "to")]
    public string? To { get; init; }

    [FromQuery(Name = "streamId")]
    public string? StreamId { get; init; }

    [FromQuery(Name = "listId")]
    public string? ListId { get; init; }

    [FromQuery(Name = "faceId")]
    public string? FaceId { get; init; }

    [FromQuery(Name = "matched")]
    public string? Matched { get; init; }

    [FromQuery(Name = "ageFrom")]
    public string? AgeFrom { get; init; }

    [FromQuery(Name = "ageTo")]
    public string? AgeTo { get; init; }

    [FromQuery(Name = "gender")]
    public string? Gender { get; init; }

    [FromQuery(Name = "liveness")]
    public string? Liveness { get; init; }

    public EventFilter ToFilter()
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["from"] = From ?? "", ["to"] = To ?? "", ["streamId"] = StreamId ?? "", ["listId"] = ListId ?? "", ["matched"] = Matched ?? "",
            ["ageFrom"] = AgeFrom ?? "", ["ageTo"] = AgeTo ?? "", ["gender"] = Gender ?? "", ["liveness"] = Liveness ?? "",
        };
        var parameters = new SearchParameters(values);
        return parameters.Filter() with { FaceId = new SearchParameters(new Dictionary<string, string> { ["faceId"] = FaceId ?? "" }).Id("faceId") };
    }
}
