using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Tracking;

/// <summary>
/// Which body track each face track belongs to. On every frame the face detector saw a face, the face votes
/// for the body whose box holds the face's centre in its upper part, or just above its top (the smallest such box when bodies
/// overlap: the nearer person to that face); a face belongs to the body with the most votes. A vote per frame,
/// not the latest frame alone, so two people crossing do not swap bodies for a frame. A face whose track ended
/// stays among its body's faces until the body's track ends too. Pure logic, one loop owns it.
/// </summary>
internal sealed class FaceBodyLinks
{
    /// <summary>The share of the body's height, from its top, where its head may be (head and shoulders; a bent or partly seen body).</summary>
    public const float HeadZone = 0.4f;

    /// <summary>How far above the box's top a face centre may be, in body heights: people detectors often cut the top of the head.</summary>
    public const float AboveTop = 0.1f;

    private readonly Dictionary<Guid, Dictionary<Guid, int>> _votes = [];

    /// <summary>Per body track, the faces that belonged to it when their tracks ended, in the order they ended.</summary>
    private readonly Dictionary<Guid, List<Guid>> _ended = [];

    public void Vote(Guid faceTrack, Rect2f face, IReadOnlyList<TrackSnapshot> bodies)
    {
        var (cx, cy) = (face.X + (face.Width / 2), face.Y + (face.Height / 2));
        TrackSnapshot? best = null;
        foreach (var body in bodies)
        {
            var b = body.Box;
            if (cx >= b.X && cx <= b.X + b.Width && cy >= b.Y - (b.Height * AboveTop) && cy <= b.Y + (b.Height * HeadZone)
                && (best is null || b.Width * b.Height < best.Box.Width * best.Box.Height))
            {
                best = body;
            }
        }

        if (best is not null)
        {
            if (!_votes.TryGetValue(faceTrack, out var votes))
            {
                _votes[faceTrack] = votes = [];
            }

            votes[best.Id] = votes.GetValueOrDefault(best.Id) + 1;
        }
    }

    /// <summary>The face's body: most votes, ties to the body voted for first.</summary>
    public Guid? BodyOf(Guid faceTrack)
    {
        if (!_votes.TryGetValue(faceTrack, out var votes) || votes.Count == 0)
        {
            return null;
        }

        var (best, most) = (Guid.Empty, 0);
        foreach (var (body, count) in votes)
        {
            if (count > most)
            {
                (best, most) = (body, count);
            }
        }

        return best;
    }

    /// <summary>Face tracks seen inside this body so far: those that ended inside it, then the live ones that belong to it now.</summary>
    public IReadOnlyList<Guid> FacesOf(Guid bodyTrack) =>
        [.. _ended.GetValueOrDefault(bodyTrack) ?? [], .. _votes.Keys.Where(face => BodyOf(face) == bodyTrack)];

    /// <summary>
    /// The face track ended: its votes go, but it stays one of its body's faces while
    /// <paramref name="bodyAlive"/> says that body's track is still open (a body already gone is not kept for).
    /// </summary>
    public void Forget(Guid faceTrack, Func<Guid, bool> bodyAlive)
    {
        ArgumentNullException.ThrowIfNull(bodyAlive);
        if (BodyOf(faceTrack) is { } body && bodyAlive(body))
        {
            if (!_ended.TryGetValue(body, out var faces))
            {
                _ended[body] = faces = [];
            }

            faces.Add(faceTrack);
        }

        _votes.Remove(faceTrack);
    }

    /// <summary>The body track ended (its final sent): the faces kept for it go.</summary>
    public void ForgetBody(Guid bodyTrack) => _ended.Remove(bodyTrack);
}
