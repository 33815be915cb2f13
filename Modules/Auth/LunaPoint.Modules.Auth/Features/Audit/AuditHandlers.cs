using System.Text.Json;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Auth.Data;
using LunaPoint.Modules.Auth.Domain;
using LunaPoint.SharedKernel.Paging;
using LunaPoint.SharedKernel.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Auth.Features.Audit;

internal sealed record AuditEntryDto(
    long Id, DateTimeOffset At, string Module, string Action, bool Succeeded, Guid? ActorId, string? ActorName,
    string? Target, string? IpAddress, string? UserAgent, JsonElement? Details);

internal sealed record ListAuditEntries(
    DateTimeOffset? From = null, DateTimeOffset? To = null, string? Module = null, string? Action = null,
    string? Actor = null, bool? Succeeded = null, int Page = 1, int PageSize = PageRequest.DefaultPageSize) : IQuery<PagedResult<AuditEntryDto>>;

internal sealed class AuditHandlers(AuthDbContext db, ICurrentActor actor, TimeProvider clock)
    : ICommandHandler<RecordAuditEntry>, IQueryHandler<ListAuditEntries, PagedResult<AuditEntryDto>>
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

    public async ValueTask<PagedResult<AuditEntryDto>> Handle(ListAuditEntries query, CancellationToken cancellationToken)
    {
        var rows = db.AuditEntries.AsNoTracking();
        rows = query.From is { } from ? rows.Where(a => a.At >= from) : rows;
        rows = query.To is { } to ? rows.Where(a => a.At < to) : rows;
        rows = string.IsNullOrWhiteSpace(query.Module) ? rows : rows.Where(a => a.Module == query.Module);
        rows = string.IsNullOrWhiteSpace(query.Action) ? rows : rows.Where(a => a.Action.StartsWith(query.Action));
        rows = string.IsNullOrWhiteSpace(query.Actor) ? rows : rows.Where(a => a.ActorName == query.Actor);
        rows = query.Succeeded is { } ok ? rows.Where(a => a.Succeeded == ok) : rows;

        var page = new PageRequest(query.Page, query.PageSize);
        var total = await rows.LongCountAsync(cancellationToken);
        var items = await rows.OrderByDescending(a => a.Id).Skip(page.Skip).Take(page.Take).ToListAsync(cancellationToken);
        return new PagedResult<AuditEntryDto>(items.Select(ToDto).ToList(), page.Page, page.Take, total);
    }

    private static AuditEntryDto ToDto(AuditEntry a) => new(
        a.Id, a.At, a.Module, a.Action, a.Succeeded, a.ActorId, a.ActorName, a.Target, a.IpAddress, a.UserAgent,
        a.DetailsJson is null ? null : JsonDocument.Parse(a.DetailsJson).RootElement.Clone());

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
