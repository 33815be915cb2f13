using System.Text.Json;
using LunaPoint.Modules.Auth.Data;
using LunaPoint.Modules.Auth.Domain;
using LunaPoint.SharedKernel.Paging;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Auth.Features;

internal sealed record AuditEntryDto(
    long Id, DateTimeOffset At, string Module, string Action, bool Succeeded, Guid? ActorId, string? ActorName,
    string? Target, string? IpAddress, string? UserAgent, int Count, JsonElement? Details);

internal sealed record ListAuditEntries(
    DateTimeOffset? From = null, DateTimeOffset? To = null, string? Module = null, string? Action = null,
    string? Actor = null, bool? Succeeded = null, int Page = 1, int PageSize = PageRequest.DefaultPageSize) : IQuery<PagedResult<AuditEntryDto>>;

internal sealed class ListAuditEntriesHandler(AuthDbContext db) : IQueryHandler<ListAuditEntries, PagedResult<AuditEntryDto>>
{
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
        a.Id, a.At, a.Module, a.Action, a.Succeeded, a.ActorId, a.ActorName, a.Target, a.IpAddress, a.UserAgent, a.Count,
        a.DetailsJson is null ? null : JsonDocument.Parse(a.DetailsJson).RootElement.Clone());
}
