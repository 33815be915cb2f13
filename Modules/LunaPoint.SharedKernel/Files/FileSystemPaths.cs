using System.Runtime.InteropServices;
using System.Text;

namespace LunaPoint.SharedKernel.Files;

public enum FileKind
{
    Missing,
    Regular,
    Directory,
    Other,
}

/// <summary>File-system facts learnt without opening anything (no read, so a FIFO cannot block).</summary>
public static class FileSystemPaths
{
    private const int MaxLinks = 40;

    /// <summary>
    /// The path with every symlink in it resolved, component by component (as the kernel would), or
    /// null when a link cannot be read, the links loop, or any step of the walk passes through /proc, /sys
    /// or /dev (a symlink to / elsewhere would otherwise reach /proc/&lt;pid&gt;/root/… and tell which
    /// processes exist).
    /// </summary>
    public static string? Resolve(string fullPath)
    {
        var pending = new Stack<string>(fullPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse());
        var current = "/";
        var links = 0;
        try
        {
            while (pending.TryPop(out var part))
            {
                if (IsPseudoFileSystem(current))
                {
                    return null;
                }

                if (part == ".")
                {
                    continue;
                }

                if (part == "..")
                {
                    current = Path.GetDirectoryName(current) ?? "/";
                    continue;
                }

                var next = Path.Join(current, part);
                if (new FileInfo(next).LinkTarget is not { } target)
                {
                    current = next;
                    continue;
                }

                if (++links > MaxLinks)
                {
                    return null;
                }

                foreach (var p in target.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse())
                {
                    pending.Push(p);
                }

                current = target.StartsWith('/') ? "/" : current;
            }

            return IsPseudoFileSystem(current) ? null : current;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>What the path is, from lstat-like metadata (statx on Linux; attributes elsewhere).</summary>
    public static FileKind Kind(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            var buffer = new byte[256];
            if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType, buffer) != 0)
            {
                return FileKind.Missing;
            }

            // struct statx: stx_mode is the u16 at offset 28 on every architecture.
            return (BitConverter.ToUInt16(buffer, 28) & FileTypeMask) switch
            {
                RegularFile => FileKind.Regular,
                DirectoryFile => FileKind.Directory,
                _ => FileKind.Other,
            };
        }

        var info = new FileInfo(path);
        if (!info.Exists && !Directory.Exists(path))
        {
            return FileKind.Missing;
        }

        var attributes = File.GetAttributes(path);
        return attributes.HasFlag(FileAttributes.Device) || attributes.HasFlag(FileAttributes.ReparsePoint) ? FileKind.Other
            : attributes.HasFlag(FileAttributes.Directory) ? FileKind.Directory : FileKind.Regular;
    }

    /// <summary>Whether this process may read the file (or list the folder), asked with access(2), which opens nothing.</summary>
    public static bool IsReadable(string path, bool folder) =>
        !OperatingSystem.IsLinux() || Access(path, folder ? ReadOk | ExecuteOk : ReadOk) == 0;

    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int FileTypeMask = 0xF000;
    private const int RegularFile = 0x8000;
    private const int DirectoryFile = 0x4000;
    private const int ReadOk = 4;
    private const int ExecuteOk = 1;

    private static bool IsPseudoFileSystem(string path) =>
        PseudoFileSystems.Any(root => path == root || path.StartsWith(root + "/", StringComparison.Ordinal));

    private static readonly string[] PseudoFileSystems = ["/proc", "/sys", "/dev"];

    private static byte[] NulTerminated(string path) => Encoding.UTF8.GetBytes(path + "\0");

    private static int Statx(int dirFd, string path, int flags, uint mask, byte[] buffer) => NativeStatx(dirFd, NulTerminated(path), flags, mask, buffer);

    private static int Access(string path, int mode) => NativeAccess(NulTerminated(path), mode);

    // Byte arrays keep the signatures blittable (no unsafe code, no string marshalling).
    [DllImport("libc", EntryPoint = "statx")]
    private static extern int NativeStatx(int dirFd, byte[] path, int flags, uint mask, [Out] byte[] buffer);

    [DllImport("libc", EntryPoint = "access")]
    private static extern int NativeAccess(byte[] path, int mode);
}
