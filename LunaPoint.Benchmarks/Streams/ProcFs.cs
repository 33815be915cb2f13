using System.Globalization;

namespace LunaPoint.Benchmarks.Streams;

/// <summary>Reads /proc: a process tree's CPU time and resident memory, and the machine's busy time.</summary>
internal static class ProcFs
{
    // USER_HZ: 100 on every Linux the harness runs on (x86-64 and arm64 kernels fix it at 100).
    private const double TicksPerSecond = 100;

    /// <summary>
    /// CPU seconds of <paramref name="pid"/> and its live descendants, each with its reaped children's
    /// time: a child that ends between two readings moves into its parent's cutime, so deltas stay whole.
    /// </summary>
    public static double TreeCpuSeconds(int pid) =>
        Tree(pid).Sum(p => Stat(p) is { } f ? Ticks(f, 11) + Ticks(f, 12) + Ticks(f, 13) + Ticks(f, 14) : 0) / TicksPerSecond;

    /// <summary>CPU seconds of the process alone (user + system).</summary>
    public static double CpuSeconds(int pid) => Stat(pid) is { } f ? (Ticks(f, 11) + Ticks(f, 12)) / TicksPerSecond : 0;

    /// <summary>Resident memory in MB of the process alone.</summary>
    public static double RssMb(int pid) => Status(pid, "VmRSS:") / 1024.0;

    /// <summary>Resident memory in MB of the process's descendants (the host's ffmpeg decoders).</summary>
    public static double DescendantsRssMb(int pid) => Tree(pid).Where(p => p != pid).Sum(p => Status(p, "VmRSS:")) / 1024.0;

    public static int DescendantCount(int pid) => Tree(pid).Count - 1;

    /// <summary>Busy CPU seconds of the whole machine (everything but idle and iowait), from /proc/stat.</summary>
    public static double MachineBusySeconds()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return (cpu.Take(7).Sum() - cpu[3] - cpu[4]) / TicksPerSecond; // user..softirq; steal is not ours
    }

    private static List<int> Tree(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Stat(pid) is { } f)
            {
                parents[pid] = int.Parse(f[1], CultureInfo.InvariantCulture);
            }
        }

        var tree = new List<int> { root };
        for (var i = 0; i < tree.Count; i++)
        {
            tree.AddRange(parents.Where(p => p.Value == tree[i]).Select(p => p.Key));
        }

        return tree;
    }

    // Fields after the ")" that closes the command name (which may hold spaces): [0] state, [1] ppid, ...,
    // [11] utime, [12] stime, [13] cutime, [14] cstime.
    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long Ticks(string[] fields, int index) => long.Parse(fields[index], CultureInfo.InvariantCulture);

    private static long Status(int pid, string key)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
