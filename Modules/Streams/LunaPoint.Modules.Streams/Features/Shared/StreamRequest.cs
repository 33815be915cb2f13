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

/// <summary>Analysis settings; every value has a default that suits a typical entrance camera.</summary>
internal sealed record StreamSettings(
    double MaxAnalysisFps = 10,
    int DetectorStep = 5,
    RegionOfInterest? Roi = null,
    int MinFaceSize = 40,
    double DetectionThreshold = 0.65,
    BestShotSettings? BestShot = null,
    bool Liveness = false,
    bool Bodies = false,
    bool IsoChecks = false,
    IReadOnlyList<Guid>? ListIds = null,
    string? WebhookUrl = null,
    HealthcheckSettings? Healthcheck = null,
    string RtspTransport = "tcp")
{
    /// <summary>The same settings with every omitted part filled in, as stored and returned.</summary>
    public StreamSettings Complete() => this with
    {
        BestShot = BestShot ?? new BestShotSettings(),
        Healthcheck = Healthcheck ?? new HealthcheckSettings(),
        ListIds = ListIds ?? [],
    };
}

/// <summary>Relative coordinates (0..1): a rectangle (x, y, width, height) or a polygon (points).</summary>
internal sealed record RegionOfInterest(double? X = null, double? Y = null, double? Width = null, double? Height = null, IReadOnlyList<RoiPoint>? Points = null);

internal sealed record RoiPoint(double X, double Y);

/// <param name="TimeoutMs">Send a best shot no later than this after the track starts, so alerts are fast.</param>
internal sealed record BestShotSettings(int MinSize = 60, int ProperSize = 120, double MaxYaw = 35, double MaxPitch = 25, int TimeoutMs = 2000);

/// <param name="ReconnectAttempts">0 = retry for ever.</param>
internal sealed record HealthcheckSettings(int ReconnectAttempts = 0, int ReconnectDelayMs = 1000, int MaxBackoffMs = 30000, int ReadTimeoutMs = 10000);
