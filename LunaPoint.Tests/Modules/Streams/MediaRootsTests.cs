using LunaPoint.SharedKernel.Files;
using System.Diagnostics;
using LunaPoint.Modules.Streams.Features;

namespace LunaPoint.Tests.Modules.Streams;

/// <summary>
/// Server-side sources must be regular files (or folders) under a media root, checked without opening
/// them; every refusal reads the same, so answers reveal nothing about the rest of the disk.
/// </summary>
public sealed class MediaRootsTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("lunapoint-media-");
    private readonly DirectoryInfo _outside = Directory.CreateTempSubdirectory("lunapoint-outside-");

    public void Dispose()
    {
        _root.Delete(recursive: true);
        _outside.Delete(recursive: true);
    }

    [Fact]
    public void EverythingButARegularFileUnderARoot_IsRefused_WithOneMessage()
    {
        var video = Path.Combine(_root.FullName, "clip.mp4");
        File.WriteAllBytes(video, [0, 0, 0, 24]);
        var fifo = Path.Combine(_root.FullName, "pipe.mp4");
        Run("mkfifo", fifo);
        var linkOut = Path.Combine(_root.FullName, "passwd.mp4");
        File.CreateSymbolicLink(linkOut, "/etc/passwd");
        var dirLinkOut = Path.Combine(_root.FullName, "etc");
        Directory.CreateSymbolicLink(dirLinkOut, "/etc");
        var secret = Path.Combine(_outside.FullName, "jwt-signing.key");
        File.WriteAllText(secret, "not for streams");
        var media = new MediaRoots([_root.FullName]);
        string[] refused =
        [
            "/etc/shadow", "/etc/passwd", secret, "/proc/self/environ", "/dev/zero", fifo, linkOut, Path.Combine(dirLinkOut, "hostname"),
            $"{_root.FullName}/../{_outside.Name}/jwt-signing.key", $"{_root.FullName}/../../etc/passwd",
            Path.Combine(_root.FullName, "missing.mp4"), Path.Combine(_outside.FullName, "missing.mp4"), "/no/such/dir/file.mp4",
            _root.FullName, "relative/clip.mp4",
        ];

        var answers = refused.Select(path => (path, problem: media.Problem(path, folder: false))).ToList();

        Assert.Null(media.Problem(video, folder: false));
        Assert.All(answers, a => Assert.Equal(MediaRoots.Refusal(folder: false), a.problem));
    }

    [Fact]
    public void KernelPathsLeadingBackIntoARoot_AndATrailingSlash_AreRefused_TheStoredPathIsResolved()
    {
        var video = Path.Combine(_root.FullName, "clip.avi");
        File.WriteAllBytes(video, [0, 0, 0, 24]);
        var alias = Path.Combine(_root.FullName, "alias.avi");
        File.CreateSymbolicLink(alias, video);
        // A link to "/" inside the root reaches /proc without writing "/proc" first.
        var rootLink = Path.Combine(_root.FullName, "rootlink");
        Directory.CreateSymbolicLink(rootLink, "/");
        var media = new MediaRoots([_root.FullName]);
        string[] refused =
        [
            // /proc/<pid>/root is a link to "/": these resolve to the video while the process exists.
            $"/proc/{Environment.ProcessId}/root{video}", $"/proc/self/root{video}",
            $"{rootLink}/proc/{Environment.ProcessId}/root{video}", $"{rootLink}/proc/self/root{video}",
            $"/proc/{Environment.ProcessId}/root/{_root.FullName}/../{_root.Name}/clip.avi", video + "/", alias + "/",
        ];

        Assert.True(File.Exists($"/proc/self/root{video}"), "the oracle path must reach the file for this test to mean anything");
        Assert.Null(media.Problem(video, folder: false));
        Assert.Null(media.Problem(alias, folder: false));
        Assert.All(refused, path => Assert.Equal(MediaRoots.Refusal(folder: false), media.Problem(path, folder: false)));
        Assert.Equal(FileSystemPaths.Resolve(video), MediaRoots.Canonical(alias));
        Assert.Equal(FileSystemPaths.Resolve(video), MediaRoots.Canonical($"{_root.FullName}/./sub/../alias.avi"));
    }

    [Fact]
    public void Folders_MustBeRealFoldersUnderARoot()
    {
        var frames = Directory.CreateDirectory(Path.Combine(_root.FullName, "frames")).FullName;
        var linkToOutside = Path.Combine(_root.FullName, "elsewhere");
        Directory.CreateSymbolicLink(linkToOutside, _outside.FullName);
        var media = new MediaRoots([_root.FullName]);

        Assert.Null(media.Problem(frames, folder: true));
        Assert.Null(media.Problem(frames + "/", folder: true));
        Assert.Equal(MediaRoots.Refusal(folder: true), media.Problem(linkToOutside, folder: true));
        Assert.Equal(MediaRoots.Refusal(folder: true), media.Problem("/proc", folder: true));
        Assert.Equal(MediaRoots.Refusal(folder: true), media.Problem("/etc", folder: true));
        Assert.Equal(MediaRoots.Refusal(folder: true), media.Problem(Path.Combine(_root.FullName, "missing"), folder: true));
    }

    [Fact]
    public void ASymlinkInsideTheRoot_ToAFileInsideTheRoot_IsAccepted_AndKernelPathsAreRefusedEvenUnderARootOfSlash()
    {
        var video = Path.Combine(_root.FullName, "clip.mp4");
        File.WriteAllBytes(video, [1]);
        var alias = Path.Combine(_root.FullName, "alias.mp4");
        File.CreateSymbolicLink(alias, "clip.mp4");
        var everything = new MediaRoots(["/"]);

        Assert.Null(new MediaRoots([_root.FullName]).Problem(alias, folder: false));
        Assert.Equal(MediaRoots.Refusal(folder: false), everything.Problem("/proc/self/environ", folder: false));
        Assert.Equal(MediaRoots.Refusal(folder: false), everything.Problem("/dev/zero", folder: false));
        Assert.Equal(MediaRoots.Refusal(folder: false), everything.Problem("/sys/kernel/mm/transparent_hugepage/enabled", folder: false));
    }

    [Fact]
    public void APathWithNul_IsRefusedAsSuch()
    {
        Assert.Equal("The source must not contain a NUL character.", new MediaRoots([_root.FullName]).Problem(_root.FullName + "/a\0.mp4", folder: false));
    }

    private static void Run(string command, string argument)
    {
        using var process = Process.Start(new ProcessStartInfo(command, [argument]) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
