using FluentValidation;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Enrolment;
using LunaPoint.Modules.Events.Matching;
using Mediator;

namespace LunaPoint.Modules.Events.Features;

/// <summary>A list after merging a patch onto it (what the validator checks and the handler stores).</summary>
internal sealed record PatchList(Guid Id, MergePatch Patch) : ICommand<ListDto>;

internal sealed class PatchListHandler(EventsDbContext db, ISender sender, TimeProvider clock, LunaPoint.Modules.Events.Ingestion.ListCatalog catalog) : ICommandHandler<PatchList, ListDto>
{
    public static readonly string[] Fields = ["name", "description", "color", "threshold", "notify"];

    public async ValueTask<ListDto> Handle(PatchList command, CancellationToken cancellationToken)
    {
        var list = await db.FindListAsync(command.Id, cancellationToken);
        var before = await db.ListDtoAsync(list, cancellationToken);
        var patch = command.Patch;
        // Merge onto what is stored; null takes a field back to its default (the name has none).
        var merged = new ListRequest(
            patch.Has("name") ? patch.String("name")! : list.Name,
            patch.Has("description") ? patch.String("description") : list.Description,
            patch.Has("color") ? patch.String("color") ?? ListRequest.DefaultColor : list.Color,
            patch.Has("threshold") ? patch.Number("threshold") ?? Similarity.DefaultThreshold : list.Threshold,
            patch.Has("notify") ? patch.Boolean("notify") ?? true : list.Notify);
        await new UpdateListValidator().ValidateAndThrowAsync(merged, cancellationToken);
        var name = merged.Name.Trim();
        await CreateListHandler.EnsureNameFreeAsync(db, name, list.Id, cancellationToken);
        list.Name = name;
        list.Description = merged.Description;
        list.Color = merged.Color!.ToLowerInvariant();
        list.Threshold = merged.Threshold!.Value;
        list.Notify = merged.Notify!.Value;
        list.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        // Matching reads list names, colours and thresholds from the catalog: the next batch reloads them.
        catalog.Invalidate();
        var after = await db.ListDtoAsync(list, cancellationToken);
        await sender.Send(new RecordAuditEntry(EventsModule.Name, "list.changed", Target: $"list {list.Name} ({list.Id})", Before: before, After: after), cancellationToken);
        return after;
    }
}

internal sealed class UpdateListValidator : ListRequestRules<ListRequest>
{
    public UpdateListValidator()
        : base(l => l)
    {
    }
}
