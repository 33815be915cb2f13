using LunaPoint.SharedKernel.Data;
using Microsoft.Extensions.Configuration;

namespace LunaPoint.SharedKernel.Files;

/// <summary>
/// The folders on the server that <c>videofile</c> and <c>images</c> sources may use (setting
/// <c>LunaPoint:Media:Roots</c>, default <c>&lt;DataDir&gt;/media</c>). A source is accepted only when,
/// with every symlink resolved, it lies under a root and is a regular file (videofile) or a folder
/// (images). It is never opened here: a FIFO would block the request and a device could be read.
/// Every refusal has one wording, so answers tell nothing about what exists outside the roots.
/// </summary>
public sealed class MediaRoots
{
    public const string SettingKey = "LunaPoint:Media:Roots";

    // Kernel interfaces are never media, even under a root someone set to "/".
    private static readonly string[] Forbidden = ["/proc", "/sys", "/dev"];

    public MediaRoots(IEnumerable<string> roots)
    {
        Roots = roots.Select(r => FileSystemPaths.Resolve(Path.GetFullPath(r)) ?? Path.GetFullPath(r)).ToList();
    }

    public IReadOnlyList<string> Roots { get; }

    /// <summary>The configured roots, or the default under the data folder; each is created when missing.</summary>
    public static MediaRoots FromConfiguration(IConfiguration configuration, DatabaseSettings database)
    {
        var configured = configuration.GetSection(SettingKey).Get<string[]>();
        var roots = configured is { Length: > 0 } ? configured : [Path.Combine(database.DataDir, "media")];
        foreach (var root in roots)
        {
            Directory.CreateDirectory(root);
        }

        return new MediaRoots(roots);
    }

    public static string Refusal(bool folder) =>
        folder ? "The source must be an existing folder under a media root (LunaPoint:Media:Roots)."
               : "The source must be an existing file under a media root (LunaPoint:Media:Roots).";

    /// <returns>null when <paramref name="path"/> may be used, else the one refusal message.</returns>
    public string? Problem(string path, bool folder)
    {
        if (path.Contains('\0'))
        {
            return "The source must not contain a NUL character.";
        }

        // The lexical path is judged too, not only the resolved one: /proc/<pid>/root is a magic link back
        // to "/", so /proc/<pid>/root/<root>/clip.avi resolves under a root exactly while <pid> exists,
        // an oracle for running processes. A video file named with a trailing slash is no file.
        if (!Path.IsPathFullyQualified(path) || (!folder && path.EndsWith('/'))
            || Forbidden.Any(f => IsUnder(Path.GetFullPath(path), f))
            || FileSystemPaths.Resolve(Path.GetFullPath(path)) is not { } resolved
            || !Roots.Any(root => IsUnder(resolved, root)) || Forbidden.Any(f => IsUnder(resolved, f))
            || FileSystemPaths.Kind(resolved) != (folder ? FileKind.Directory : FileKind.Regular)
            || !FileSystemPaths.IsReadable(resolved, folder))
        {
            return Refusal(folder);
        }

        return null;
    }

    /// <summary>The path as stored: every symlink resolved (what <see cref="Problem"/> judged).</summary>
    public static string Canonical(string path) =>
        Path.IsPathFullyQualified(path) && !path.Contains('\0') && FileSystemPaths.Resolve(Path.GetFullPath(path)) is { } resolved ? resolved : path;

    private static bool IsUnder(string path, string root) =>
        path == root || path.StartsWith(root.EndsWith('/') ? root : root + "/", StringComparison.Ordinal);
}
