using System.IO.Pipelines;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Enrolment;
using Mediator;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Events.Features;

/// <summary>
/// Imports faces with descriptors from NDJSON, streamed line by line, in batches: each batch is checked
/// against the licence and written under the enrolment turn, committed, then added to the index. A bad
/// line is that line's error; good lines past the licence or the list limit are reported as refused.
/// </summary>
internal sealed record ImportDescriptors(Guid ListId, PipeReader Body) : ICommand<ImportReport>;

internal sealed class ImportDescriptorsHandler(
    EventsDbContext db, DescriptorBatchWriter writer, EnrolmentGate gate, FaceQuota quota, FaceCount count, WatchlistSync sync, IOptions<EnrolmentOptions> options, ISender sender, TimeProvider clock)
    : ICommandHandler<ImportDescriptors, ImportReport>
{
    public async ValueTask<ImportReport> Handle(ImportDescriptors command, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var list = await db.FindListAsync(command.ListId, cancellationToken);
        using (await gate.EnterAsync(cancellationToken))
        {
            // Nothing can be imported at all: refused up front, before the body is read.
            await quota.EnsureLicenceAsync(1, cancellationToken);
            await quota.EnsureListsAsync([list.Id], 1, cancellationToken);
        }

        var run = new ImportRun(settings.MaxReportedErrors);
        var batch = new List<ImportedFace>(settings.ImportBatchSize);
        // One batch is written while the next is parsed: the database and the parser each keep a core busy.
        var writing = Task.CompletedTask;
        await new LineReader(command.Body, settings.MaxLineBytes).ReadAllAsync(async (number, line) =>
        {
            if (line is { } bytes && bytes.Span.Trim(" \t"u8).IsEmpty)
            {
                return;
            }

            run.Lines++;
            if (line is null)
            {
                run.Fail(number, "line", $"The line is longer than {settings.MaxLineBytes} bytes.");
            }
            else if (ImportLine.Parse(line.Value.Span, number, out var field, out var error) is { } face)
            {
                batch.Add(face);
                if (batch.Count >= settings.ImportBatchSize)
                {
                    await writing;
                    writing = FlushAsync(list.Id, batch, run, cancellationToken);
                    batch = new List<ImportedFace>(settings.ImportBatchSize);
                }
            }
            else
            {
                run.Fail(number, field!, error!);
            }
        }, cancellationToken);
        await writing;
        await FlushAsync(list.Id, batch, run, cancellationToken);
        await sender.Send(new RecordAuditEntry(EventsModule.Name, "faces.imported", Target: $"list {list.Name} ({list.Id}): {run.Imported} imported, {run.Failed} failed, {run.Refused} refused"), cancellationToken);
        return run.Report();
    }

    private async Task FlushAsync(Guid listId, List<ImportedFace> batch, ImportRun run, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        // Off the reading loop's thread, so the next batch is parsed meanwhile.
        await Task.Yield();
        var faces = batch.Select(f => new NewFace(Guid.NewGuid(), Guid.NewGuid(), f.Name, f.ExternalId, f.UserDataJson, f.Descriptor)).ToList();
        using (await gate.EnterAsync(cancellationToken))
        {
            var licenceRoom = await quota.LicenceRoomAsync(cancellationToken);
            var listRoom = await quota.ListRoomAsync(listId, cancellationToken);
            var take = (int)Math.Min(faces.Count, Math.Min(licenceRoom, listRoom));
            var why = licenceRoom <= listRoom
                ? "Refused: the licence's maxFacesWithDescriptors is reached."
                : quota.ListFullMessage(listId);
            for (var i = take; i < batch.Count; i++)
            {
                run.Refuse(batch[i].Line, licenceRoom <= listRoom ? "license" : "largeLists", why);
            }

            faces = faces[..take];
            await writer.WriteAsync(listId, faces, clock.GetUtcNow(), cancellationToken);
            count.Add(faces.Count);
        }

        sync.AddPhotos([listId], faces.Select(f => (f.PhotoId, f.FaceId, f.Descriptor)).ToList());
        run.Add(imported: faces.Count);
    }
}
