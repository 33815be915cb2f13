using LunaPoint.Modules.Licensing.Signing;
using LunaPoint.SharedKernel.Data;
using LunaPoint.Tests.Infrastructure;

namespace LunaPoint.Tests.Modules.Events.Lists;

/// <summary>
/// A host whose licensing key the tests hold (they issue licences with small face limits), with the
/// per-list limit lowered to <see cref="FacesPerList"/> so largeLists is tested with a handful of faces, and
/// small photo and archive caps so "too large" costs little. Licence and limits are host-wide: one collection.
/// </summary>
public abstract class WatchlistHostFixture(DatabaseProvider provider) : HostFixture(provider)
{
    public const int FacesPerList = 5;
    public const int MaxPhotoBytes = 3_000_000;

    private readonly (string PrivatePem, string PublicPem) _keys = LicenseSigner.CreateKeyPair();

    public string PrivateKeyPem => _keys.PrivatePem;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["LunaPoint:Licensing:PublicKey"] = _keys.PublicPem,
        ["LunaPoint:Events:Enrolment:FacesPerListWithoutLargeLists"] = FacesPerList.ToString(),
        ["LunaPoint:Events:Enrolment:MaxPhotoBytes"] = MaxPhotoBytes.ToString(),
        ["LunaPoint:Events:Enrolment:MaxEntryBytes"] = "8000000",
    };
}

public sealed class PostgresWatchlistHostFixture() : WatchlistHostFixture(DatabaseProvider.Postgres);

public sealed class SqliteWatchlistHostFixture() : WatchlistHostFixture(DatabaseProvider.Sqlite);

[CollectionDefinition(Name)]
public sealed class PostgresWatchlistCollection : ICollectionFixture<PostgresWatchlistHostFixture>
{
    public const string Name = "PostgreSQL watchlist host";
}

[CollectionDefinition(Name)]
public sealed class SqliteWatchlistCollection : ICollectionFixture<SqliteWatchlistHostFixture>
{
    public const string Name = "SQLite watchlist host";
}
