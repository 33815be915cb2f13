using System.IO.Compression;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Domain;
using LunaPoint.Modules.Events.Enrolment;
using LunaPoint.SharedKernel.Errors;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Events.Features;

/// <summary>
/// Enrols the photos of a zip into a list, one face per person (see <see cref="ArchiveEntries"/> for the
/// naming), each file reported. Faces are written one by one under the licence check: once the licence
/// or the list is full the remaining people are refused (reported), what came before stays.
/// </summary>
/// <param name="Archive">A seekable stream over the archive (a temporary file).</param>
internal sealed record BulkEnrolFaces(Guid ListId, Stream Archive, PeopleCsv People) : ICommand<BulkReport>;

internal sealed class BulkEnrolFacesHandler(EventsDbContext db, PhotoEnroller enroller, FaceWriter writer, IOptions<EnrolmentOptions> options, ISender sender)
    : ICommandHandler<BulkEnrolFaces, BulkReport>
{
    public async ValueTask<BulkReport> Handle(BulkEnrolFaces command, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var list = await db.FindListAsync(command.ListId, cancellationToken);
        using var zip = Open(command.Archive);
        if (zip.Entries.Count > settings.MaxArchiveEntries)
        {
            throw new UnprocessableContentException(BulkEnrolFacesEndpoint.ArchiveField, $"The archive holds {zip.Entries.Count} entries; at most {settings.MaxArchiveEntries} are read at once: split it.");
        }

        var files = new List<FileReport>();
        var people = new Dictionary<string, Face>(StringComparer.OrdinalIgnoreCase);
        foreach (var photo in ArchiveEntries.Read(zip, settings))
        {
            files.Add(photo.Error is not null ? new FileReport(photo.File, photo.Error.StartsWith("skipped", StringComparison.Ordinal) ? "skipped" : "failed", Error: photo.Error)
                : await EnrolAsync(list, photo, command.People, people, cancellationToken));
        }

        var created = files.Count(f => f.Status == "created");
        var report = new BulkReport(zip.Entries.Count, created, files.Count(f => f.Status == "failed"), files.Count(f => f.Status == "refused"), Trim(files, settings.MaxReportedErrors));
        await sender.Send(new RecordAuditEntry(EventsModule.Name, "faces.bulkEnrolled", Target: $"list {list.Name} ({list.Id}): {report.Created} photo(s) enrolled, {report.Failed} failed, {report.Refused} refused"), cancellationToken);
        return report;
    }

    private async Task<FileReport> EnrolAsync(FaceList list, ArchivePhoto photo, PeopleCsv csv, Dictionary<string, Face> people, CancellationToken cancellationToken)
    {
        try
        {
            var analysed = await enroller.AnalyseAsync(photo.Bytes!, null, cancellationToken);
            if (people.TryGetValue(photo.PersonKey, out var known))
            {
                await writer.AddPhotoAsync(known, [list.Id], hadDescriptor: true, analysed, cancellationToken);
                return new FileReport(photo.File, "created", known.Id);
            }

            var row = csv.Find(photo.File, photo.PersonKey);
            var name = row?.Name is { Length: > 0 } given ? given : ArchiveEntries.PersonName(photo.PersonKey);
            FaceFields.Check(("name", FaceFields.NameError(name)), ("externalId", FaceFields.ExternalIdError(row?.ExternalId)));
            var face = await writer.CreateAsync(list.Id, name, row?.ExternalId, null, analysed, cancellationToken);
            people[photo.PersonKey] = face;
            return new FileReport(photo.File, "created", face.Id);
        }
        catch (ConflictException refused)
        {
            return new FileReport(photo.File, "refused", Error: refused.Message);
        }
        catch (ValidationException invalid)
        {
            return new FileReport(photo.File, "failed", Error: string.Join(" ", invalid.Errors.Select(e => e.ErrorMessage)));
        }
        catch (Exception ex) when (ex is UnprocessableContentException or ContentTooLargeException or UnsupportedContentTypeException)
        {
            return new FileReport(photo.File, "failed", Error: ex.Message);
        }
    }

    private static ZipArchive Open(Stream archive)
    {
        try
        {
            return new ZipArchive(archive, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw new UnprocessableContentException(BulkEnrolFacesEndpoint.ArchiveField, "The archive is not a zip file, or it is damaged.");
        }
    }

    // Every created file is listed (the client needs the face ids); of the rest, the first few.
    private static List<FileReport> Trim(List<FileReport> files, int maxOthers)
    {
        var others = 0;
        return files.Where(f => f.Status == "created" || others++ < maxOthers).ToList();
    }
}
