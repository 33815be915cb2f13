using LunaPoint.Modules.Streams.Contracts;
using LunaPoint.Modules.Streams.Features;
using Microsoft.AspNetCore.Mvc;

namespace LunaPoint.Modules.Streams.Pages.Streams;

/// <summary>
/// The stream form. Fields are named as the REST API names them (settings.maxAnalysisFps), so the
/// validator's errors land on the field they are about.
/// </summary>
internal sealed class StreamForm
{
    [ModelBinder(Name = "name")] public string? Name { get; set; }
    [ModelBinder(Name = "description")] public string? Description { get; set; }
    [ModelBinder(Name = "type")] public string? Type { get; set; } = "rtsp";
    [ModelBinder(Name = "source")] public string? Source { get; set; }
    [ModelBinder(Name = "enabled")] public bool Enabled { get; set; } = true;
    [ModelBinder(Name = "endless")] public bool Endless { get; set; }
    [ModelBinder(Name = "location.address")] public string? Address { get; set; }
    [ModelBinder(Name = "location.latitude")] public double? Latitude { get; set; }
    [ModelBinder(Name = "location.longitude")] public double? Longitude { get; set; }
    [ModelBinder(Name = "settings.maxAnalysisFps")] public double MaxAnalysisFps { get; set; } = 10;
    [ModelBinder(Name = "settings.detectorStep")] public int DetectorStep { get; set; } = 5;
    [ModelBinder(Name = "settings.minFaceSize")] public int MinFaceSize { get; set; } = 40;
    [ModelBinder(Name = "settings.detectionThreshold")] public double DetectionThreshold { get; set; } = 0.65;
    [ModelBinder(Name = "settings.roi.x")] public double? RoiX { get; set; }
    [ModelBinder(Name = "settings.roi.y")] public double? RoiY { get; set; }
    [ModelBinder(Name = "settings.roi.width")] public double? RoiWidth { get; set; }
    [ModelBinder(Name = "settings.roi.height")] public double? RoiHeight { get; set; }
    [ModelBinder(Name = "settings.rtspTransport")] public string RtspTransport { get; set; } = "tcp";
    [ModelBinder(Name = "settings.webhookUrl")] public string? WebhookUrl { get; set; }
    [ModelBinder(Name = "settings.liveness")] public bool Liveness { get; set; }
    [ModelBinder(Name = "settings.bodies")] public bool Bodies { get; set; }
    [ModelBinder(Name = "settings.isoChecks")] public bool IsoChecks { get; set; }
    [ModelBinder(Name = "settings.attributes")] public bool Attributes { get; set; }
    [ModelBinder(Name = "settings.listIds")] public List<Guid> ListIds { get; set; } = [];
    [ModelBinder(Name = "settings.bestShot.timeoutMs")] public int BestShotTimeoutMs { get; set; } = 2000;
    [ModelBinder(Name = "settings.healthcheck.reconnectDelayMs")] public int ReconnectDelayMs { get; set; } = 1000;
    [ModelBinder(Name = "settings.healthcheck.maxBackoffMs")] public int MaxBackoffMs { get; set; } = 30000;

    public static StreamForm From(StreamDto s) => new()
    {
        Name = s.Name, Description = s.Description, Type = s.Type, Source = s.Source, Enabled = s.Enabled, Endless = s.Endless,
        Address = s.Location?.Address, Latitude = s.Location?.Latitude, Longitude = s.Location?.Longitude,
        MaxAnalysisFps = s.Settings.MaxAnalysisFps, DetectorStep = s.Settings.DetectorStep, MinFaceSize = s.Settings.MinFaceSize,
        DetectionThreshold = s.Settings.DetectionThreshold, RoiX = s.Settings.Roi?.X, RoiY = s.Settings.Roi?.Y,
        RoiWidth = s.Settings.Roi?.Width, RoiHeight = s.Settings.Roi?.Height, RtspTransport = s.Settings.RtspTransport,
        WebhookUrl = s.Settings.WebhookUrl, Liveness = s.Settings.Liveness, Bodies = s.Settings.Bodies, IsoChecks = s.Settings.IsoChecks, Attributes = s.Settings.Attributes,
        ListIds = s.Settings.ListIds?.ToList() ?? [],
        BestShotTimeoutMs = s.Settings.BestShot?.TimeoutMs ?? 2000,
        ReconnectDelayMs = s.Settings.Healthcheck?.ReconnectDelayMs ?? 1000, MaxBackoffMs = s.Settings.Healthcheck?.MaxBackoffMs ?? 30000,
    };

    /// <summary>The request the API would get; settings the form does not show are taken from <paramref name="current"/>.</summary>
    public StreamRequest ToRequest(StreamSettings? current)
    {
        var settings = current ?? new StreamSettings();
        var rectangle = RoiX is not null || RoiY is not null || RoiWidth is not null || RoiHeight is not null;
        return new StreamRequest(
            Name, Type, Source?.Trim(), string.IsNullOrWhiteSpace(Description) ? null : Description,
            Address is null && Latitude is null && Longitude is null ? null : new LocationSettings(Address, Latitude, Longitude),
            Enabled, Endless,
            settings with
            {
                MaxAnalysisFps = MaxAnalysisFps, DetectorStep = DetectorStep, MinFaceSize = MinFaceSize, DetectionThreshold = DetectionThreshold,
                // A polygon drawn through the API stays unless the rectangle fields are filled in.
                Roi = rectangle ? new RegionOfInterest(RoiX, RoiY, RoiWidth, RoiHeight) : settings.Roi?.Points is not null ? settings.Roi : null,
                RtspTransport = RtspTransport, WebhookUrl = string.IsNullOrWhiteSpace(WebhookUrl) ? null : WebhookUrl.Trim(),
                Liveness = Liveness, Bodies = Bodies, IsoChecks = IsoChecks, Attributes = Attributes,
                ListIds = ListIds.Distinct().ToList(),
                BestShot = (settings.BestShot ?? new BestShotSettings()) with { TimeoutMs = BestShotTimeoutMs },
                Healthcheck = (settings.Healthcheck ?? new HealthcheckSettings()) with { ReconnectDelayMs = ReconnectDelayMs, MaxBackoffMs = MaxBackoffMs },
            });
    }
}
