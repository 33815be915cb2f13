using System.Text.Json;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Auth.Data;
using LunaPoint.Modules.Auth.Domain;
using LunaPoint.SharedKernel.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Auth.Features;

/// <summary>Appends the audit line any module sends (<see cref="RecordAuditEntry"/> lives in Auth.Contracts).</summary>
internal sealed class RecordAuditEntryHandler(AuthDbContext db, ICurrentActor actor, TimeProvider clock) : ICommandHandler<RecordAuditEntry>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async ValueTask<Unit> Handle(RecordAuditEntry command, CancellationToken cancellationToken)
    {
        var details = command.Before is null && command.After is null
            ? null
            : JsonSerializer.Serialize(new { before = command.Before, after = command.After }, Json);
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow(),
            Module = command.Module,
            Action = command.Action,
            Succeeded = command.Succeeded,
            ActorId = actor.UserId,
            ActorName = Truncate(command.ActorName ?? actor.Name, 256),
            Target = Truncate(command.Target, 512),
            IpAddress = actor.IpAddress,
            UserAgent = actor.UserAgent,
            DetailsJson = details,
        };
        db.AuditEntries.Add(entry);
        // CancellationToken.None: an audit line is written even when the caller gives up.
        await db.SaveChangesAsync(CancellationToken.None);
        db.Entry(entry).State = EntityState.Detached;
        return Unit.Value;
    }

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
