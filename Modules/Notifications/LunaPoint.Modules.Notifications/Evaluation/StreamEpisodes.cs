using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Modules.Streams.Contracts;

namespace LunaPoint.Modules.Notifications.Evaluation;

/// <summary>A stream alert the watcher should raise now.</summary>
internal sealed record StreamAlertDue(NotificationRule Rule, StreamHealth Stream, DateTimeOffset DownSince);

/// <summary>
/// The down episodes of streams, in memory. A restart during an outage opens a new episode; the caller says
/// which rules already alerted for it (<see cref="StreamAlertHistory"/>), so they do not alert again. A stream is down when it is enabled and failed, or in progress with its
/// last frame older than the stale limit. Each <c>streamDown</c> rule fires once per episode when the
/// episode has lasted its <c>downAfterSeconds</c>; when frames flow again, <c>streamUp</c> rules fire if the
/// episode lasted the default 10 s or a down rule fired. Disabled, paused, finished and deleted streams end
/// their episode without an alert. Pure: the caller gives the time and the rules.
/// </summary>
internal sealed class StreamEpisodes(DateTimeOffset watchingSince, TimeSpan staleAfter)
{
    private sealed class Episode(DateTimeOffset downSince)
    {
        public DateTimeOffset DownSince { get; } = downSince;
        public HashSet<Guid> Fired { get; } = [];
    }

    private readonly Dictionary<Guid, Episode> _episodes = [];

    public int Open => _episodes.Count;

    /// <summary>The streams that are down now with no episode yet: the ones whose alert history the caller should read.</summary>
    public List<Guid> Opening(IReadOnlyList<StreamHealth> streams, DateTimeOffset now) =>
        [.. streams.Where(s => !_episodes.ContainsKey(s.Id) && Judge(s, now) == Health.Down).Select(s => s.Id)];

    /// <summary>
    /// Takes one look at every stream; returns the down alerts now due and the up alerts of recovered streams.
    /// <paramref name="alreadyAlerted"/> names, per stream, the rules whose down alert for an episode opened
    /// now was raised before (by an earlier run of this host): they count as fired.
    /// </summary>
    public (List<StreamAlertDue> Down, List<StreamAlertDue> Up) Observe(
        IReadOnlyList<StreamHealth> streams, IReadOnlyList<NotificationRule> rules, DateTimeOffset now,
        IReadOnlyDictionary<Guid, IReadOnlySet<Guid>>? alreadyAlerted = null)
    {
        var down = new List<StreamAlertDue>();
        var up = new List<StreamAlertDue>();
        foreach (var gone in _episodes.Keys.Except(streams.Select(s => s.Id)).ToList())
        {
            _episodes.Remove(gone);
        }

        foreach (var stream in streams)
        {
            switch (Judge(stream, now))
            {
                case Health.Down:
                    if (!_episodes.TryGetValue(stream.Id, out var episode))
                    {
                        episode = new Episode(DownSinceOf(stream, now));
                        _episodes[stream.Id] = episode;
                        if (alreadyAlerted?.GetValueOrDefault(stream.Id) is { } fired)
                        {
                            episode.Fired.UnionWith(fired);
                        }
                    }

                    down.AddRange(rules
                        .Where(r => r.Trigger == AlertTrigger.StreamDown && !episode.Fired.Contains(r.Id)
                            && Conditions.StreamAllowed(r.Conditions, stream.Id)
                            && now - episode.DownSince >= DownAfter(r))
                        .Select(r => new StreamAlertDue(r, stream, episode.DownSince)));
                    break;
                case Health.Up when _episodes.TryGetValue(stream.Id, out var ended) && stream.LastFrameAt > ended.DownSince:
                    _episodes.Remove(stream.Id);
                    if (ended.Fired.Count > 0 || now - ended.DownSince >= TimeSpan.FromSeconds(RuleConditions.DefaultDownAfterSeconds))
                    {
                        up.AddRange(rules
                            .Where(r => r.Trigger == AlertTrigger.StreamUp && Conditions.StreamAllowed(r.Conditions, stream.Id))
                            .Select(r => new StreamAlertDue(r, stream, ended.DownSince)));
                    }

                    break;
                case Health.Off:
                    _episodes.Remove(stream.Id);
                    break;
            }
        }

        return (down, up);
    }

    /// <summary>The rule has alerted (or decided not to, for its cooldown) for this episode: not again until the next.</summary>
    public void Fired(Guid streamId, Guid ruleId)
    {
        if (_episodes.TryGetValue(streamId, out var episode))
        {
            episode.Fired.Add(ruleId);
        }
    }

    public static TimeSpan DownAfter(NotificationRule rule) =>
        TimeSpan.FromSeconds(rule.Conditions.DownAfterSeconds ?? RuleConditions.DefaultDownAfterSeconds);

    private enum Health
    {
        Unclear,
        Down,
        Up,
        Off,
    }

    private Health Judge(StreamHealth stream, DateTimeOffset now) => stream switch
    {
        { Enabled: false } or { Status: StreamState.Paused or StreamState.Done } => Health.Off,
        { Status: StreamState.Failed } => Health.Down,
        { Status: StreamState.InProgress, LastFrameAt: { } last } => now - last >= staleAfter ? Health.Down : Health.Up,
        // Pending, or in progress before its first frame: starting; neither down nor back yet.
        _ => Health.Unclear,
    };

    /// <summary>
    /// Without frames since the last one, but not before this watcher started: a host that was itself down
    /// does not blame the stream for the time nobody looked.
    /// </summary>
    private DateTimeOffset DownSinceOf(StreamHealth stream, DateTimeOffset now)
    {
        var since = stream.LastFrameAt is { } last && last < now ? last : now;
        return since < watchingSince ? watchingSince : since;
    }
}
