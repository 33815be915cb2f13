using System.Runtime.InteropServices;

namespace LunaPoint.Tests.Infrastructure.Video;

/// <summary>Signals and /proc for the video tests: pause a server (SIGSTOP) and see which processes still live.</summary>
internal static class Posix
{
    public const int SigStop = 19;
    public const int SigCont = 18;

    // DllImport, not LibraryImport: the generated form needs unsafe code, which this project does not allow.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    public static void Signal(int pid, int signal)
    {
        if (Kill(pid, signal) != 0)
        {
            throw new InvalidOperationException($"kill({pid}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Whether the process exists and is not a zombie waiting to be reaped.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // "pid (comm) S ..." — the state follows the last ')' (comm may hold spaces or parentheses).
            var state = stat[(stat.LastIndexOf(')') + 2)..].TrimStart()[0];
            return state != 'Z' && state != 'X';
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Whether something listens on 127.0.0.1:<paramref name="port"/> (TCP), read from /proc without connecting (a one-client server would take the connection as its client).</summary>
    public static bool IsListening(int port)
    {
        var hex = $":{port:X4}";
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
            {
                continue;
            }

            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length > 3 && parts[1].EndsWith(hex, StringComparison.Ordinal) && parts[3] == "0A")
                {
                    return true;
                }
            }
        }

        return false;
    }
}
