using LunaPoint.Modules.Events.Matching;
using LunaPoint.SharedKernel.Data;
using LunaPoint.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Tests.Modules.Events.Search;

/// <summary>
/// A host of its own for the archive and search tests: they count events and rank faces, so nothing
/// another collection enrols may land in their indexes. The indexes are marked loaded as the ingestion
/// loader does after its start-up rebuild (this host's database starts empty).
/// </summary>
public abstract class SearchHostFixture(DatabaseProvider provider) : HostFixture(provider), IAsyncLifetime
{
    internal SearchSeeder Seeder { get; private set; } = null!;

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Factory.Services.GetRequiredService<WatchlistIndex>().Readiness.MarkReady();
        Factory.Services.GetRequiredService<EventIndex>().Readiness.MarkReady();
        Seeder = new SearchSeeder(Factory);
    }
}

public sealed class PostgresSearchHostFixture() : SearchHostFixture(DatabaseProvider.Postgres);

public sealed class SqliteSearchHostFixture() : SearchHostFixture(DatabaseProvider.Sqlite);

[CollectionDefinition(Name)]
public sealed class PostgresSearchCollection : ICollectionFixture<PostgresSearchHostFixture>
{
    public const string Name = "PostgreSQL search host";
}

[CollectionDefinition(Name)]
public sealed class SqliteSearchCollection : ICollectionFixture<SqliteSearchHostFixture>
{
    public const string Name = "SQLite search host";
}
