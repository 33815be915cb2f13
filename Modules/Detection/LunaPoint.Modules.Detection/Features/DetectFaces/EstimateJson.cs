using System.Text.Json;
using System.Text.Json.Serialization;

namespace LunaPoint.Modules.Detection.Features;

/// <summary>
/// The photo answer's JSON: the host's options with enums written in camelCase (<c>"state":"real"</c>,
/// as the API spells every other value), made once since options warm a metadata cache per instance.
/// </summary>
internal static class EstimateJson
{
    private static JsonSerializerOptions? _options;

    public static JsonSerializerOptions Options(JsonSerializerOptions host)
    {
        if (_options is { } made)
        {
            return made;
        }

        var options = new JsonSerializerOptions(host);
        // First, so it wins over the host's converter that writes enums as declared (PascalCase).
        options.Converters.Insert(0, new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return _options = options;
    }
}
