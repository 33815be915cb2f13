using System.Collections.Concurrent;
using System.Diagnostics;

namespace LunaPoint.Benchmarks.Streams;

/// <summary>
/// Every process the harness starts (host, ffmpeg), so none outlives it: each owner kills its own on
/// dispose, and this kills whatever is left when the process exits some other way.
/// </summary>
internal static class ChildProcesses
{
    private static readonly ConcurrentDictionary<int, Process> Started = new();

    static ChildProcesses() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();

    public static Process Start(ProcessStartInfo info)
    {
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName}");
        Started[process.Id] = process;
        return process;
    }

    public static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }

        Started.TryRemove(process.Id, out _);
        process.Dispose();
    }

    public static void KillAll()
    {
        foreach (var process in Started.Values)
        {
            Kill(process);
        }
    }
}
