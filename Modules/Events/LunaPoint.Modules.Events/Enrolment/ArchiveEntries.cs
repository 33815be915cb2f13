using System.IO.Compression;
using System.Text.RegularExpressions;

namespace LunaPoint.Modules.Events.Enrolment;

/// <summary>A photo taken out of a zip: its entry name, the person it belongs to, and its bytes; or why it was not taken.</summary>
internal sealed record ArchivePhoto(string File, string PersonKey, byte[]? Bytes, string? Error);

/// <summary>
/// Reads a zip enrolment safely: photos only at the top level, named by person (<c>Name_Surname.jpg</c>,
/// <c>Name_Surname_2.jpg</c> for a second photo). Names with folders, <c>..</c>, a leading slash or a drive,
/// symlinks, encrypted entries, non-photos, entries too large inflated or compressed suspiciously well
/// (zip bombs), and everything past the archive's inflated total are per-file errors. Nothing is ever
/// written under an entry's name: bytes are read into memory, capped, and the name is only a label.
/// </summary>
internal static partial class ArchiveEntries
{
    private static readonly string[] PhotoExtensions = [".jpg", ".jpeg", ".png", ".bmp", ".webp"];

    // Unix file type bits in the high word of the external attributes (zip made on Unix).
    private const int UnixTypeMask = 0xF000;
    private const int UnixSymlink = 0xA000;

    public static IEnumerable<ArchivePhoto> Read(ZipArchive zip, EnrolmentOptions options)
    {
        long inflated = 0;
        foreach (var entry in zip.Entries)
        {
            var name = entry.FullName;
            var label = Label(name);
            if (name.EndsWith('/') && entry.Length == 0)
            {
                yield return new ArchivePhoto(label, "", null, "skipped: a folder (photos are read from the top of the archive only)");
                continue;
            }

            var error = NameError(name) ?? EntryError(entry, options, inflated);
            if (error is not null)
            {
                yield return new ArchivePhoto(label, "", null, error);
                continue;
            }

            inflated += entry.Length;
            var (bytes, readError) = ReadCapped(entry, options.MaxEntryBytes);
            yield return new ArchivePhoto(label, PersonKey(name), bytes, readError);
        }
    }

    /// <summary>The person a file name belongs to: without extension and without a trailing _N (N = digits).</summary>
    public static string PersonKey(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var match = NumberSuffix().Match(stem);
        return match.Success ? stem[..match.Index] : stem;
    }

    /// <summary>The name people see: underscores as spaces.</summary>
    public static string PersonName(string personKey) => personKey.Replace('_', ' ').Trim();

    private static string? NameError(string name)
    {
        if (name.Length > 255 || name.Any(char.IsControl))
        {
            return "failed: the entry's name is too long or holds control characters.";
        }

        if (name.StartsWith('/') || name.StartsWith('\\') || name.Contains(':') || name.Split('/', '\\').Any(p => p is ".."))
        {
            return "failed: an absolute or parent-relative name (refused, nothing is written under entry names).";
        }

        if (name.Contains('/') || name.Contains('\\'))
        {
            return "failed: a file in a folder; put photos at the top of the archive, named Name_Surname.jpg (Name_Surname_2.jpg for more photos).";
        }

        if (name.StartsWith('.') || !PhotoExtensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase))
        {
            return "failed: not a photo (.jpg, .jpeg, .png, .bmp or .webp).";
        }

        return PersonName(PersonKey(name)).Length == 0 ? "failed: the file name gives no person's name." : null;
    }

    private static string? EntryError(ZipArchiveEntry entry, EnrolmentOptions options, long inflatedSoFar)
    {
        if (((entry.ExternalAttributes >> 16) & UnixTypeMask) == UnixSymlink)
        {
            return "failed: a symbolic link.";
        }

        if (entry.IsEncrypted)
        {
            return "failed: an encrypted entry (send the archive without a password).";
        }

        if (entry.Length > options.MaxEntryBytes)
        {
            return $"failed: larger than {options.MaxEntryBytes} bytes inflated.";
        }

        if (entry.Length > 64 * 1024 && entry.Length > (long)options.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
        {
            return "failed: compressed suspiciously well for a photo (a zip bomb?).";
        }

        return inflatedSoFar + entry.Length > options.MaxArchiveInflatedBytes
            ? $"failed: the archive inflates to more than {options.MaxArchiveInflatedBytes} bytes; the rest is not read."
            : null;
    }

    // The sizes in the directory can lie: the inflated stream is cut at the cap whatever they say.
    private static (byte[]? Bytes, string? Error) ReadCapped(ZipArchiveEntry entry, long max)
    {
        try
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > max)
                {
                    return (null, $"failed: larger than {max} bytes inflated.");
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.Length == 0 ? (null, "failed: an empty file.") : (buffer.ToArray(), null);
        }
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException or IOException)
        {
            return (null, "failed: the entry is damaged or uses an unsupported compression.");
        }
    }

    // Entry names go back to the client in the report: cut long ones, drop control characters.
    private static string Label(string name)
    {
        var clean = new string(name.Where(c => !char.IsControl(c)).ToArray());
        return clean.Length > 200 ? clean[..200] + "…" : clean;
    }

    [GeneratedRegex("_[0-9]+$")]
    private static partial Regex NumberSuffix();
}
