using System.Text.Json.Serialization;

namespace LunaPoint.Modules.Streams.Contracts;

/// <summary>
/// A stream's analysis settings as clients write them and Detection reads them; every value has a
/// default that suits a typical entrance camera. An unknown name is refused (a misspelt <c>iso</c> for
/// <c>isoChecks</c> must not pass as "off").
/// </summary>
/// <param name="Batch">A video file or image folder is analysed as fast as analysis allows instead of in real time.</param>
/// <param name="TrackLostMs">A track the detector has not seen for this long ends (the face left or is hidden).</param>
/// <param name="Liveness">Estimate liveness on each best shot (licensed).</param>
/// <param name="Bodies">Detect and track bodies, link faces to them, send body best shots (licensed).</param>
/// <param name="IsoChecks">Run the ISO/IEC 19794-5 checks on each best shot (licensed).</param>
/// <param name="Attributes">Estimate age and gender on each best shot (off by default: personal data some sites may not keep).</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record StreamSettings(
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
    string RtspTransport = "tcp",
    bool Batch = false,
    int TrackLostMs = 1000,
    bool Attributes = false)
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
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RegionOfInterest(double? X = null, double? Y = null, double? Width = null, double? Height = null, IReadOnlyList<RoiPoint>? Points = null);

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RoiPoint(double X, double Y);

/// <param name="TimeoutMs">Send a best shot no later than this after the track starts, so alerts are fast.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record BestShotSettings(int MinSize = 60, int ProperSize = 120, double MaxYaw = 35, double MaxPitch = 25, int TimeoutMs = 600);

/// <param name="ReconnectAttempts">0 = retry for ever.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record HealthcheckSettings(int ReconnectAttempts = 0, int ReconnectDelayMs = 1000, int MaxBackoffMs = 30000, int ReadTimeoutMs = 10000);
