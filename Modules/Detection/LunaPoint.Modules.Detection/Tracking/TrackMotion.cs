using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Tracking;

/// <summary>
/// One track's constant-velocity motion model: an alpha-beta filter on the box centre (position and
/// velocity in pixels per second) and a smoothed box size.
/// </summary>
/// <remarks>
/// Not SORT's 7-state Kalman filter: its gains settle to fixed values within a few frames anyway, and a
/// steady-state Kalman filter on a constant-velocity model is exactly an alpha-beta filter. What matters
/// here is that updates arrive at irregular intervals (the detector skips frames, live streams jitter),
/// which the alpha-beta form takes as a plain dt, without a covariance matrix per track. The size has no
/// velocity: faces grow or shrink slowly next to how fast they cross the frame.
/// The state is kept at the time of the last correction and predictions are computed from it, so
/// predicting on skipped frames never accumulates error.
/// </remarks>
internal sealed class TrackMotion
{
    /// <summary>How far a correction trusts the detection over the prediction (face boxes are precise).</summary>
    public const float Alpha = 0.7f;

    /// <summary>Benedict–Bordner pairing for <see cref="Alpha"/> (beta = alpha² / (2 − alpha)): damped, no overshoot.</summary>
    public const float Beta = Alpha * Alpha / (2 - Alpha);

    private float _cx, _cy, _vx, _vy, _w, _h;
    private TimeSpan _at;

    public TrackMotion(Rect2f box, TimeSpan at)
    {
        (_cx, _cy, _w, _h, _at) = (box.X + (box.Width / 2), box.Y + (box.Height / 2), box.Width, box.Height, at);
    }

    /// <summary>Whether a velocity has been measured (two corrections at different times).</summary>
    public bool HasVelocity { get; private set; }

    public float Width => _w;

    /// <summary>The box expected at <paramref name="at"/>; never moves backwards in time.</summary>
    public Rect2f Predict(TimeSpan at)
    {
        var dt = Seconds(at);
        return new Rect2f(_cx + (_vx * dt) - (_w / 2), _cy + (_vy * dt) - (_h / 2), _w, _h);
    }

    public void Correct(Rect2f box, TimeSpan at)
    {
        var dt = Seconds(at);
        var (zx, zy) = (box.X + (box.Width / 2), box.Y + (box.Height / 2));
        if (dt <= 0)
        {
            // A second detection at the same instant: no motion can be learned from it.
            (_cx, _cy) = (_cx + (Alpha * (zx - _cx)), _cy + (Alpha * (zy - _cy)));
        }
        else if (!HasVelocity)
        {
            // The first velocity is measured outright: waiting for the filter to learn it over several
            // detections would lose a walking face at detectorStep 5, whose detections come 0.5 s apart.
            (_vx, _vy, _cx, _cy) = ((zx - _cx) / dt, (zy - _cy) / dt, zx, zy);
            HasVelocity = true;
        }
        else
        {
            var (px, py) = (_cx + (_vx * dt), _cy + (_vy * dt));
            var (rx, ry) = (zx - px, zy - py);
            (_cx, _cy) = (px + (Alpha * rx), py + (Alpha * ry));
            (_vx, _vy) = (_vx + (Beta * rx / dt), _vy + (Beta * ry / dt));
        }

        _w += Alpha * (box.Width - _w);
        _h += Alpha * (box.Height - _h);
        _at = at > _at ? at : _at;
    }

    private float Seconds(TimeSpan at) => at > _at ? (float)(at - _at).TotalSeconds : 0f;
}
