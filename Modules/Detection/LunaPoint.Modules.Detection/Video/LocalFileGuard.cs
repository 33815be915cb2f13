using LunaPoint.SharedKernel.Files;
using Microsoft.Win32.SafeHandles;

namespace LunaPoint.Modules.Detection.Video;

/// <summary>
/// Files and folders of videofile and images sources are judged against the media roots again each time
/// they are opened, not only when the stream was saved: a file under a root may since have been replaced
/// by a symlink to /etc/passwd or a video elsewhere. A video file is opened here and handed to ffmpeg as
/// <c>/proc/&lt;pid&gt;/fd/&lt;n&gt;</c> after the opened file itself was checked, so nothing can be
/// swapped between the check and ffmpeg's open.
/// </summary>
internal sealed class LocalFileGuard(MediaRoots media)
{
    public PinnedFile Pin(string path)
    {
        if (media.Problem(path, folder: false) is { } problem)
        {
            throw new FrameSourceException(problem);
        }

        var resolved = FileSystemPaths.Resolve(Path.GetFullPath(path)) ?? throw new FrameSourceException(MediaRoots.Refusal(folder: false));
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(resolved, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FrameSourceException(MediaRoots.Refusal(folder: false), ex);
        }

        var fd = handle.DangerousGetHandle().ToInt32();
        var opened = File.ResolveLinkTarget($"/proc/self/fd/{fd}", returnFinalTarget: false)?.FullName;
        if (opened is null || media.Problem(opened, folder: false) is not null)
        {
            handle.Dispose();
            throw new FrameSourceException(MediaRoots.Refusal(folder: false));
        }

        return new PinnedFile(handle, $"/proc/{Environment.ProcessId}/fd/{fd}");
    }

    /// <summary>An image folder must still be a folder under a root; its files are checked one by one as they are read.</summary>
    public void CheckFolder(string path)
    {
        if (media.Problem(path, folder: true) is { } problem)
        {
            throw new FrameSourceException(problem);
        }
    }

    /// <summary>Whether a file of an image folder may be read: a regular file (no symlink, FIFO or device) under a media root.</summary>
    public bool MayRead(string path) =>
        new FileInfo(path) is { Exists: true, LinkTarget: null } && FileSystemPaths.Kind(path) == FileKind.Regular && media.Problem(path, folder: false) is null;
}

/// <summary>A video file opened by the host, for ffmpeg to read through <see cref="ProcPath"/>; close it after ffmpeg is gone.</summary>
internal sealed class PinnedFile(SafeFileHandle handle, string procPath) : IDisposable
{
    public string ProcPath => procPath;

    public void Dispose() => handle.Dispose();
}
