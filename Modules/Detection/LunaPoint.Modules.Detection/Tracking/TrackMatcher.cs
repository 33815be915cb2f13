using LunaPoint.Modules.Detection.Inference;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Tracking;

/// <summary>
/// Assigns detections to tracks: greedily by descending IoU with each track's predicted box, then, for
/// what is left, by ascending centre distance inside a gate that widens with the time since the track
/// was last seen.
/// </summary>
/// <remarks>
/// Greedy rather than Hungarian: with the handful of faces a frame holds, the two differ only when boxes
/// overlap ambiguously, and the motion model already separates crossing faces by their predicted boxes.
/// The distance pass exists for skipped frames: at detectorStep 5 and 10 fps detections come 0.5 s apart,
/// and a face whose velocity is not known yet (one sighting) or that changed pace has moved past any
/// overlap with its prediction by then. Buffers are reused: one tracker per stream, one update per frame.
/// </remarks>
internal sealed class TrackMatcher
{
    /// <summary>Least overlap for an IoU match (SORT's value).</summary>
    public const float MinIou = 0.3f;

    /// <summary>Distance gate in face widths at once, growing by <see cref="GatePerSecond"/> per second unseen.</summary>
    public const float GateWidths = 1f;

    /// <summary>A brisk walk across a near camera (a face ~15 cm wide at ~1.4 m/s is ~9 widths/s; most cross slower or move towards the camera).</summary>
    public const float GatePerSecond = 4f;

    /// <summary>Largest size change between a track and a distance-matched detection (either way).</summary>
    public const float MaxSizeRatio = 1.5f;

    private readonly List<(float Key, int Track, int Detection)> _pairs = [];
    private int[] _trackMatch = [];
    private bool[] _detectionUsed = [];

    /// <returns>Per track, the index of its detection or −1 (valid until the next call).</returns>
    public ReadOnlySpan<int> Match(IReadOnlyList<Rect2f> predicted, IReadOnlyList<TimeSpan> unseenFor, IReadOnlyList<FaceCandidate> detections)
    {
        var (tracks, found) = (predicted.Count, detections.Count);
        Reset(tracks, found);
        _pairs.Clear();
        for (var t = 0; t < tracks; t++)
        {
            for (var d = 0; d < found; d++)
            {
                var iou = BoxGeometry.IoU(predicted[t], detections[d].Box);
                if (iou >= MinIou)
                {
                    _pairs.Add((-iou, t, d));
                }
            }
        }

        Assign();
        _pairs.Clear();
        for (var t = 0; t < tracks; t++)
        {
            if (_trackMatch[t] >= 0)
            {
                continue;
            }

            var gate = GateWidths + (GatePerSecond * (float)unseenFor[t].TotalSeconds);
            for (var d = 0; d < found; d++)
            {
                var (p, box) = (predicted[t], detections[d].Box);
                var ratio = box.Width / MathF.Max(p.Width, 1f);
                var distance = BoxGeometry.CentreDistanceInWidths(p, box);
                if (!_detectionUsed[d] && ratio <= MaxSizeRatio && ratio >= 1 / MaxSizeRatio && distance <= gate)
                {
                    _pairs.Add((distance, t, d));
                }
            }
        }

        Assign();
        return _trackMatch.AsSpan(0, tracks);
    }

    /// <summary>Whether detection <paramref name="d"/> went to a track in the last <see cref="Match"/>.</summary>
    public bool IsUsed(int d) => _detectionUsed[d];

    private void Assign()
    {
        // Ties broken by index so the result never depends on the sort's instability.
        _pairs.Sort(static (a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Track != b.Track ? a.Track.CompareTo(b.Track) : a.Detection.CompareTo(b.Detection));
        foreach (var (_, t, d) in _pairs)
        {
            if (_trackMatch[t] < 0 && !_detectionUsed[d])
            {
                (_trackMatch[t], _detectionUsed[d]) = (d, true);
            }
        }
    }

    private void Reset(int tracks, int found)
    {
        if (_trackMatch.Length < tracks)
        {
            _trackMatch = new int[Math.Max(tracks, _trackMatch.Length * 2)];
        }

        if (_detectionUsed.Length < found)
        {
            _detectionUsed = new bool[Math.Max(found, _detectionUsed.Length * 2)];
        }

        _trackMatch.AsSpan(0, tracks).Fill(-1);
        _detectionUsed.AsSpan(0, found).Clear();
    }
}
