using LunaPoint.SharedKernel.Data;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Events.Images;

/// <summary>
/// The Events module's image store: JPEGs in date-partitioned folders under
/// <c>LunaPoint:Events:ImageStore</c> (default <c>&lt;DataDir&gt;/images</c>), referenced from rows by a
/// relative path the store itself made. A path read back from a row is checked to stay inside the root,
/// so a tampered row cannot read or delete anything else.
/// </summary>
internal sealed class ImageStore
{
    private readonly string _root;

    public ImageStore(IOptions<EventsOptions> options, DatabaseSettings database)
    {
        var configured = options.Value.ImageStore;
        _root = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? Path.Combine(database.DataDir, "images") : configured);
    }

    public string Root => _root;

    /// <summary>A relative path for a new image: <c>{area}/yyyy/MM/dd/{id}{suffix}.jpg</c>, of the UTC day given.</summary>
    public static string NewPath(string area, DateTimeOffset day, Guid id, string suffix = "") =>
        $"{area}/{day.UtcDateTime:yyyy}/{day.UtcDateTime:MM}/{day.UtcDateTime:dd}/{id:N}{suffix}.jpg";

    /// <summary>Writes the bytes at the relative path (folders made as needed), replacing what was there.</summary>
    public async Task SaveAsync(string relativePath, ReadOnlyMemory<byte> jpeg, CancellationToken cancellationToken)
    {
        var full = Resolve(relativePath) ?? throw new ArgumentException("Not a path of the image store.", nameof(relativePath));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        // Written beside and moved into place, so a reader never sees half an image.
        var temporary = full + ".tmp";
        await File.WriteAllBytesAsync(temporary, jpeg.ToArray(), cancellationToken);
        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>The image, or null when it is gone or the path is not one of the store's.</summary>
    public Stream? OpenRead(string? relativePath)
    {
        var full = Resolve(relativePath);
        if (full is null || !File.Exists(full))
        {
            return null;
        }

        try
        {
            return new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 16 * 1024, useAsync: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public async Task<byte[]?> ReadAsync(string? relativePath, CancellationToken cancellationToken)
    {
        await using var stream = OpenRead(relativePath);
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>Deletes the image if it is there; a missing file is not an error (deletes are retried).</summary>
    public void Delete(string? relativePath)
    {
        var full = Resolve(relativePath);
        if (full is null)
        {
            return;
        }

        try
        {
            File.Delete(full);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    /// <summary>The full path of a relative store path; null for anything that is not a plain relative path inside the root.</summary>
    public string? Resolve(string? relativePath)
    {
        if (string.IsNullOrWhiteSpace(relativePath) || relativePath.Length > 200 || Path.IsPathRooted(relativePath)
            || relativePath.Contains('\\') || relativePath.Contains('\0') || relativePath.Split('/').Any(p => p is "" or "." or ".."))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(_root, relativePath));
        return full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }
}
