using FluentValidation;
using FluentValidation.Results;
using LunaPoint.Modules.Events.Contracts;
using LunaPoint.Modules.Streams.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Streams.Features;

/// <summary>
/// <c>settings.listIds</c> must name lists that exist (asked of Events). On a change only the ids the write
/// adds are checked: a list deleted since the stream was saved must not stop the stream being renamed or stopped.
/// </summary>
internal sealed class ListIdsGuard(ISender sender, StreamsDbContext db)
{
    public async Task CheckAsync(IReadOnlyList<StreamRequest> streams, string? prefix, Guid? replacing, CancellationToken cancellationToken)
    {
        var stored = replacing is { } id && await db.Streams.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is { } row
            ? StreamMapping.Settings(row).ListIds ?? []
            : [];
        var failures = new List<ValidationFailure>();
        for (var i = 0; i < streams.Count; i++)
        {
            var wanted = (streams[i].Settings?.ListIds ?? []).Except(stored).ToList();
            if (wanted.Count == 0)
            {
                continue;
            }

            var missing = await sender.Send(new FindMissingLists(wanted), cancellationToken);
            if (missing.Count > 0)
            {
                var field = prefix is null ? "settings.listIds" : $"{prefix}[{i}].settings.listIds";
                failures.Add(new ValidationFailure(field, $"No such list: {string.Join(", ", missing)}."));
            }
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }
    }
}
