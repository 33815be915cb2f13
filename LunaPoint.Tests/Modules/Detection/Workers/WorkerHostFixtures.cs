using LunaPoint.SharedKernel.Data;
using LunaPoint.Tests.Infrastructure;

namespace LunaPoint.Tests.Modules.Detection.Workers;

/// <summary>
/// A host whose Detection workers run (the default test host has them off), with a media root of its
/// own for the generated videos and a short reconciliation period.
/// </summary>
public abstract class WorkerHostFixture(DatabaseProvider provider) : HostFixture(provider)
{
    public string MediaRoot { get; } = Directory.CreateTempSubdirectory("lunapoint-worker-media-").FullName;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Modules:Detection:Workers:Enabled"] = "true",
        ["Modules:Detection:Workers:ReconcileSeconds"] = "2",
        ["LunaPoint:Media:Roots:0"] = MediaRoot,
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(MediaRoot, recursive: true);
    }
}

public sealed class PostgresWorkerHostFixture() : WorkerHostFixture(DatabaseProvider.Postgres);

public sealed class SqliteWorkerHostFixture() : WorkerHostFixture(DatabaseProvider.Sqlite);

[CollectionDefinition(Name)]
public sealed class PostgresWorkerCollection : ICollectionFixture<PostgresWorkerHostFixture>
{
    public const string Name = "PostgreSQL host with stream workers";
}

[CollectionDefinition(Name)]
public sealed class SqliteWorkerCollection : ICollectionFixture<SqliteWorkerHostFixture>
{
    public const string Name = "SQLite host with stream workers";
}
