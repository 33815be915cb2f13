using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Tracking;

/// <summary>
/// Which body track each face track belongs to. On every frame the face detector saw a face, the face votes
/// for the body whose box holds the face's centre in its upper part, or just above its top (the smallest such box when bodies
/// overlap: the nearer person to that face); a face belongs to the body with the most votes. A vote per frame,
/// not the latest frame alone, so two people crossing do not swap bodies for a frame. Pure logic, one loop owns it.
/// </summary>
internal sealed class FaceBodyLinks
{
    /// <summary>The share of the body's height, from its top, where its head may be (head and shoulders; a bent or partly seen body).</summary>
    public const float HeadZone = 0.4f;

    /// <summary>How far above the box's top a face centre may be, in body heights: people detectors often cut the top of the head.</summary>
    public const float AboveTop = 0.1f;

    private readonly Dictionary<Guid, Dictionary<Guid, int>> _votes = [];

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

    /// <summary>Face tracks that belong to this body now.</summary>
    public IReadOnlyList<Guid> FacesOf(Guid bodyTrack) => [.. _votes.Keys.Where(face => BodyOf(face) == bodyTrack)];

    /// <summary>The face track ended: its votes go.</summary>
    public void Forget(Guid faceTrack) => _votes.Remove(faceTrack);
}
