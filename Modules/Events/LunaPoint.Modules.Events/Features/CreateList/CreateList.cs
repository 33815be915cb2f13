using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Domain;
using LunaPoint.Modules.Events.Enrolment;
using LunaPoint.Modules.Events.Matching;
using LunaPoint.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Events.Features;

/// <summary>A list as a client writes it (POST, and PATCH after merging); left out: the defaults.</summary>
/// <remarks>An unknown name is refused (400 naming it), as in stream settings: a misspelt threshold must not pass as the default.</remarks>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
internal sealed record ListRequest(string Name, string? Description = null, string? Color = null, double? Threshold = null, bool? Notify = null)
{
    public const string DefaultColor = "#1e88e5";
}

internal sealed record CreateList(ListRequest List) : ICommand<ListDto>;

internal sealed class CreateListHandler(EventsDbContext db, ISender sender, TimeProvider clock, LunaPoint.Modules.Events.Ingestion.ListCatalog catalog) : ICommandHandler<CreateList, ListDto>
{
    public async ValueTask<ListDto> Handle(CreateList command, CancellationToken cancellationToken)
    {
        var request = command.List;
        var name = request.Name.Trim();
        await EnsureNameFreeAsync(db, name, null, cancellationToken);
        var now = clock.GetUtcNow();
        var list = new FaceList
        {
            Id = Guid.NewGuid(),
            Name = name,
            Description = request.Description,
            Color = (request.Color ?? ListRequest.DefaultColor).ToLowerInvariant(),
            Threshold = request.Threshold ?? Similarity.DefaultThreshold,
            Notify = request.Notify ?? true,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Lists.Add(list);
        await db.SaveChangesAsync(cancellationToken);
        // Matching reads list names, colours and thresholds from the catalog: the next batch reloads them.
        catalog.Invalidate();
        await sender.Send(new RecordAuditEntry(EventsModule.Name, "list.created", Target: $"list {list.Name} ({list.Id})", After: FaceReader.ToDto(list, 0)), cancellationToken);
        return FaceReader.ToDto(list, 0);
    }

    /// <summary>Names are unique without regard to case: two lists "Staff" and "staff" would be told apart by nobody.</summary>
    public static async Task EnsureNameFreeAsync(EventsDbContext db, string name, Guid? except, CancellationToken cancellationToken)
    {
        var lower = name.ToLower();
        if (await db.Lists.AnyAsync(l => l.Name.ToLower() == lower && l.Id != except, cancellationToken))
        {
            throw new ConflictException("list.nameTaken", $"A list named '{name}' exists already: choose another name.");
        }
    }
}
