namespace LunaPoint.Tests.Modules.Detection.Workers;

/// <summary>
/// The ffmpeg processes this test process started as stream readers (they write raw frames to a pipe),
/// found in /proc, so a test can prove none is left behind. Test servers (ffmpeg -listen, publishers)
/// are not counted.
/// </summary>
internal static class FfmpegProcesses
{
    /// <param name="source">Only readers of this source (tests of both databases run side by side).</param>
    public static IReadOnlyList<int> Readers(string source)
    {
        var self = Environment.ProcessId;
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var parent = int.Parse(fields[1]);
                var command = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
                if (parent == self && Path.GetFileName(command[0]) == "ffmpeg" && command.Contains("rawvideo") && (command.Any(a => a.Contains(source, StringComparison.Ordinal)) || HasOpen(dir, source)))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return found;
    }

    /// <summary>
    /// A video file reaches ffmpeg as the host's open descriptor (<c>/proc/&lt;pid&gt;/fd/&lt;n&gt;</c>), not by
    /// name: such a reader is known by the file it holds open.
    /// </summary>
    private static bool HasOpen(string processDir, string path)
    {
        try
        {
            var wanted = Path.GetFullPath(path);
            return Directory.EnumerateFileSystemEntries(Path.Combine(processDir, "fd"))
                .Any(fd => File.ResolveLinkTarget(fd, returnFinalTarget: false)?.FullName == wanted);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Waits until no reader is left; fails listing the ones that stayed.</summary>
    public static async Task AssertNoneLeftAsync(string source, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        IReadOnlyList<int> left;
        while ((left = Readers(source)).Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(left.Count == 0, $"ffmpeg readers still running: {string.Join(", ", left)}");
    }
}
