using LunaPoint.Modules.Streams.Contracts;

namespace LunaPoint.Modules.Streams.Features;

/// <summary>A stream as clients write it (POST, PUT, import) and as export writes it back.</summary>
internal sealed record StreamRequest(
    string? Name,
    string? Type,
    string? Source,
    string? Description = null,
    LocationSettings? Location = null,
    bool Enabled = true,
    bool Endless = false,
    StreamSettings? Settings = null);

internal sealed record LocationSettings(string? Address = null, double? Latitude = null, double? Longitude = null);
