using LunaPoint.Modules.Events.Images;

namespace LunaPoint.Modules.Events.Ingestion;

/// <summary>
/// Writes a batch's new event images straight to their final names. No temporary file and rename as
/// <see cref="ImageStore.SaveAsync"/> does: every shot's images get names of their own, and no row points at
/// them until the batch commits, after every file is whole; a failed batch deletes them. Each folder is made
/// once per batch and the files are written in parallel with plain synchronous writes (one open, one write,
/// one close each), which measured cheaper than async file I/O on a busy machine.
/// </summary>
internal static class EventImageFiles
{
    private const int Parallelism = 4;

    public static Task WriteAsync(ImageStore images, IReadOnlyList<(string Path, byte[] Jpeg)> files, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            return Task.CompletedTask;
        }

        var resolved = files.Select(f => (Full: images.Resolve(f.Path) ?? throw new ArgumentException($"Not a path of the image store: {f.Path}"), f.Jpeg)).ToList();
        return Task.Run(
            () =>
            {
                foreach (var folder in resolved.Select(f => Path.GetDirectoryName(f.Full)!).Distinct())
                {
                    Directory.CreateDirectory(folder);
                }

                Parallel.ForEach(
                    resolved, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
                    file => File.WriteAllBytes(file.Full, file.Jpeg));
            },
            cancellationToken);
    }
}
