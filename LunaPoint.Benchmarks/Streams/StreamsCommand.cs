using System.Runtime.InteropServices;
using LunaPoint.Modules.Licensing.Signing;

namespace LunaPoint.Benchmarks.Streams;

/// <summary>
/// <c>-- streams</c>: the whole system under N camera-like streams (ffmpeg HTTP sources → real host →
/// workers), one JSON line at the end. <c>--find-max</c> climbs N = 1, 2, 4, 6, ... while the targets hold.
/// </summary>
internal static class StreamsCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = StreamsOptions.Parse(args, Console.Error);
        if (options is null)
        {
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        // The first Ctrl+C / SIGTERM cancels, so the finally blocks kill the host and every ffmpeg.
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => Cancel(c, cancel));
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Cancel(c, cancel));
        try
        {
            return await RunAsync(options, Console.Out, cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Console.Error.WriteLine("streams: cancelled; host and ffmpeg stopped");
            return 130;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or TimeoutException or HttpRequestException)
        {
            Console.Error.WriteLine($"streams: {ex.Message}");
            return 1;
        }
        finally
        {
            ChildProcesses.KillAll();
        }
    }

    private static async Task<int> RunAsync(StreamsOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var repo = RepoRoot();
        var clip = await TestClips.EnsureAsync(repo, options.Clip, output, cancellationToken);
        if (!options.NoBuild)
        {
            await HostProcess.BuildAsync(repo, output, cancellationToken);
        }

        var keys = LicenseSigner.CreateKeyPair();
        var streams = options.FindMax ? options.Max : options.Count;
        await using var servers = new FfmpegServers(clip);
        await using var host = await HostProcess.StartAsync(repo, keys.PublicPem, options.Settings, options.Keep, cancellationToken);
        output.WriteLine($"host ready at {host.BaseAddress} (pid {host.Pid}, log {host.LogPath})");
        using var api = await HostApi.SignInAsync(host.BaseAddress, HostProcess.AdminPassword, cancellationToken);
        await api.UploadLicenseAsync(keys.PrivatePem, Math.Max(streams, 4), cancellationToken);
        var benchmark = new StreamsBenchmark(api, host, servers, options, output);
        if (!options.FindMax)
        {
            var result = await benchmark.RunAsync(options.Count, cancellationToken);
            StreamsReport.WriteTable(result, output);
            StreamsReport.WriteJson(StreamsReport.Json(result), output);
            return 0;
        }

        var steps = new List<StreamsResult>();
        foreach (var n in Steps(options.Max))
        {
            var result = await benchmark.RunAsync(n, cancellationToken);
            StreamsReport.WriteTable(result, output);
            steps.Add(result);
            if (result.Missed() is not null)
            {
                break;
            }
        }

        var best = steps.LastOrDefault(s => s.Missed() is null)?.Streams ?? 0;
        output.WriteLine($"\nlargest N holding the targets: {best} (source restarts: {servers.Restarts})");
        StreamsReport.WriteJson(new { maxStreams = best, fps = options.Fps, steps = steps.Select(StreamsReport.Json) }, output);
        return 0;
    }

    private static IEnumerable<int> Steps(int max) =>
        new[] { 1, 2 }.Concat(Enumerable.Range(2, max).Select(i => 2 * i)).Append(max).Where(n => n <= max).Distinct().Order();

    private static void Cancel(PosixSignalContext context, CancellationTokenSource cancel)
    {
        if (!cancel.IsCancellationRequested)
        {
            context.Cancel = true;
            cancel.Cancel();
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LunaPoint.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run from inside the LunaPoint repository (LunaPoint.sln not found)");
    }
}
