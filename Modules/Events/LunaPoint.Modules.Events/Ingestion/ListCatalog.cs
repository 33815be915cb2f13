using LunaPoint.Modules.Events.Data;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Events.Ingestion;

/// <summary>What matching needs of a list.</summary>
internal sealed record ListInfo(Guid Id, string Name, string Color, double Threshold, bool Notify);

/// <summary>
/// The watchlists' settings as matching reads them, held in memory so a batch of shots costs no list
/// query. Whoever changes lists calls <see cref="Invalidate"/> (or <see cref="InvalidateAsync"/>) after
/// committing; the next batch reloads them (one small query). While the database is down the last
/// snapshot stays in use, so shots can still be told matched or not.
/// </summary>
internal sealed class ListCatalog
{
    private static readonly IReadOnlyDictionary<Guid, ListInfo> Empty = new Dictionary<Guid, ListInfo>();
    private IReadOnlyDictionary<Guid, ListInfo>? _lists;
    private long _version;
    private long _loadedVersion = -1;

    /// <summary>The last loaded snapshot (empty before the first load).</summary>
    public IReadOnlyDictionary<Guid, ListInfo> Current => Volatile.Read(ref _lists) ?? Empty;

    public void Invalidate() => Interlocked.Increment(ref _version);

    public ValueTask InvalidateAsync(CancellationToken cancellationToken = default)
    {
        Invalidate();
        return ValueTask.CompletedTask;
    }

    /// <summary>The lists, reloaded first when they changed since the last load.</summary>
    public async Task<IReadOnlyDictionary<Guid, ListInfo>> GetAsync(EventsDbContext db, CancellationToken cancellationToken)
    {
        var version = Interlocked.Read(ref _version);
        if (_lists is { } lists && version == Interlocked.Read(ref _loadedVersion))
        {
            return lists;
        }

        var rows = await db.Lists.AsNoTracking()
            .Select(l => new ListInfo(l.Id, l.Name, l.Color, l.Threshold, l.Notify))
            .ToListAsync(cancellationToken);
        var loaded = rows.ToDictionary(l => l.Id);
        Volatile.Write(ref _lists, loaded);
        // A change committed while loading bumped _version past this one, so the next call loads again.
        Interlocked.Exchange(ref _loadedVersion, version);
        return loaded;
    }
}
