using LunaPoint.SharedKernel.Files;
using LunaPoint.SharedKernel.Security;
using System.Text.Json;
using LunaPoint.Modules.Streams.Contracts;
using LunaPoint.Modules.Streams.Domain;

namespace LunaPoint.Modules.Streams.Features;

internal static class StreamMapping
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string StatusName(StreamStatus status) => status switch
    {
        StreamStatus.InProgress => "in_progress",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static bool TryParseStatus(string? name, out StreamStatus status)
    {
        status = default;
        return name is not null && Enum.TryParse(name.Replace("_", ""), ignoreCase: true, out status) && Enum.IsDefined(status);
    }

    public static StreamState ToState(StreamStatus status) => (StreamState)(int)status;

    public static StreamStatus ToStatus(StreamState state) => (StreamStatus)(int)state;

    public static StreamSettings Settings(VideoStream s) => JsonSerializer.Deserialize<StreamSettings>(s.SettingsJson, Json)!;

    /// <summary>
    /// Every read of a stream (REST, list, pages, audit) goes through here, so credentials in the
    /// source and the webhook are masked; only the administrators' export (<see cref="ToRequest"/>) keeps them.
    /// </summary>
    public static StreamDto ToDto(VideoStream s) => new(
        s.Id, s.Name, s.Description, Location(s), StreamTypes.Name(s.Type), SecretMasking.MaskUrl(s.Source), s.Enabled, s.Endless, MaskedSettings(s),
        StatusName(s.Status), SecretMasking.MaskUrlsIn(s.LastError), s.LastFrameAt, s.InputFps, s.CreatedAt, s.UpdatedAt);

    private static StreamSettings MaskedSettings(VideoStream s) =>
        Settings(s) is var settings && settings.WebhookUrl is not null ? settings with { WebhookUrl = SecretMasking.MaskUrl(settings.WebhookUrl) } : settings;

    public static StreamRequest ToRequest(VideoStream s) =>
        new(s.Name, StreamTypes.Name(s.Type), s.Source, s.Description, Location(s), s.Enabled, s.Endless, Settings(s));

    /// <summary>Copies a validated request onto the entity.</summary>
    public static void Apply(StreamRequest r, VideoStream s)
    {
        StreamTypes.TryParse(r.Type, out var type);
        s.Name = r.Name!.Trim();
        s.Description = r.Description;
        s.LocationAddress = r.Location?.Address;
        s.Latitude = r.Location?.Latitude;
        s.Longitude = r.Location?.Longitude;
        s.Type = type;
        // A file source is stored as the path the validator judged (symlinks resolved, untrimmed: a trimmed
        // name could be another file), so a link re-pointed later cannot move the stream outside the roots.
        s.Source = type is StreamType.VideoFile or StreamType.Images ? MediaRoots.Canonical(r.Source!) : r.Source!.Trim();
        s.Enabled = r.Enabled;
        s.Endless = r.Endless;
        s.SettingsJson = JsonSerializer.Serialize((r.Settings ?? new StreamSettings()).Complete(), Json);
    }

    private static LocationSettings? Location(VideoStream s) =>
        s.LocationAddress is null && s.Latitude is null && s.Longitude is null ? null : new(s.LocationAddress, s.Latitude, s.Longitude);
}
