using System.Diagnostics;
using LunaPoint.Modules.Detection.Features;

namespace LunaPoint.Benchmarks.Streams;

/// <summary>
/// Runs N streams on the host and measures a window: streams are added (never removed) so find-max
/// climbs N without restarting the host. Waits until every stream analyses, warms up, then reads each
/// stream's /stats at both ends of the window and samples host memory and CPU in between.
/// </summary>
internal sealed class StreamsBenchmark(HostApi api, HostProcess host, FfmpegServers servers, StreamsOptions options, TextWriter log)
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(90);

    private readonly List<(string Name, Guid Id)> _streams = [];
    private readonly double _idleRssMb = ProcFs.RssMb(host.Pid);

    public async Task<StreamsResult> RunAsync(int count, CancellationToken cancellationToken)
    {
        await servers.EnsureAsync(count, cancellationToken);
        while (_streams.Count < count)
        {
            var name = $"bench-{_streams.Count + 1}";
            _streams.Add((name, await api.CreateHttpStreamAsync(name, servers.Url(_streams.Count), options.Fps, options.StreamSettings, cancellationToken)));
        }

        log.WriteLine($"{count} stream(s) at {options.Fps} fps{(options.StreamSettings.Count > 0 ? $", settings {options.StreamSettings.ToJsonString()}" : "")}: waiting until each analyses ...");
        await WaitAnalysingAsync(cancellationToken);
        log.WriteLine($"warming up {options.Warmup} s, then measuring {options.Seconds} s ...");
        await Task.Delay(TimeSpan.FromSeconds(options.Warmup), cancellationToken);

        var start = await SnapshotAsync(cancellationToken);
        var (tree0, host0, machine0) = (ProcFs.TreeCpuSeconds(host.Pid), ProcFs.CpuSeconds(host.Pid), ProcFs.MachineBusySeconds());
        var clock = Stopwatch.StartNew();
        var samples = new List<MemorySample>();
        var (lastTree, lastMachine, lastAt) = (tree0, machine0, 0.0);
        while (clock.Elapsed.TotalSeconds < options.Seconds)
        {
            var left = options.Seconds - clock.Elapsed.TotalSeconds;
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(options.SampleEvery, left)), cancellationToken);
            var (tree, machine, at) = (ProcFs.TreeCpuSeconds(host.Pid), ProcFs.MachineBusySeconds(), clock.Elapsed.TotalSeconds);
            var sample = new MemorySample(at, ProcFs.RssMb(host.Pid), ProcFs.DescendantsRssMb(host.Pid), ProcFs.DescendantCount(host.Pid),
                (tree - lastTree) / (at - lastAt), (machine - lastMachine) / (at - lastAt));
            samples.Add(sample);
            (lastTree, lastMachine, lastAt) = (tree, machine, at);
            log.WriteLine($"  [{at,5:0} s] host RSS {sample.HostRssMb,6:0} MB, {sample.Decoders} child process(es) {sample.DecodersRssMb,5:0} MB, " +
                $"CPU {sample.CpuCores:0.00} cores (machine busy {sample.MachineBusyCores:0.00})");
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = (ProcFs.TreeCpuSeconds(host.Pid) - tree0) / seconds;
        var hostCpu = (ProcFs.CpuSeconds(host.Pid) - host0) / seconds;
        var machineBusy = (ProcFs.MachineBusySeconds() - machine0) / seconds;
        var end = await SnapshotAsync(cancellationToken, (int)Math.Ceiling(seconds));
        var windows = _streams.Select((s, i) => new StreamWindow(s.Name, start[i], end[i])).ToList();
        return new StreamsResult(count, options.Fps, seconds, windows, samples, _idleRssMb, cpu, hostCpu, machineBusy);
    }

    private Task<StreamStatsDto?[]> SnapshotAsync(CancellationToken cancellationToken, int? windowSeconds = null) =>
        Task.WhenAll(_streams.Select(s => api.StatsAsync(s.Id, cancellationToken, windowSeconds)));

    private async Task WaitAnalysingAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var stats = await SnapshotAsync(cancellationToken);
            var waiting = _streams.Where((_, i) => stats[i] is not { FramesAnalysed: > 0 }).ToList();
            if (waiting.Count == 0)
            {
                log.WriteLine($"all {_streams.Count} analyse after {clock.Elapsed.TotalSeconds:0.0} s");
                return;
            }

            if (clock.Elapsed > StartDeadline)
            {
                foreach (var (name, id) in waiting)
                {
                    log.WriteLine($"  {name} does not analyse after {StartDeadline.TotalSeconds:0} s: {await api.StatusAsync(id, cancellationToken)}");
                }

                log.WriteLine("measuring anyway");
                return;
            }

            await Task.Delay(1000, cancellationToken);
        }
    }
}
