using LunaPoint.SharedKernel.Data;

namespace LunaPoint.Tests.Infrastructure;

/// <summary>One ready host per database provider, shared by the tests of a collection.</summary>
public abstract class HostFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public DatabaseProvider Provider { get; } = provider;

    public LunaPointFactory Factory { get; private set; } = null!;

    /// <summary>Settings a derived fixture gives its host on top of the test defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    public async Task InitializeAsync()
    {
        Factory = await LunaPointFactory.StartAsync(Provider, Settings);
        await Factory.WaitUntilReadyAsync();
    }

    public virtual async Task DisposeAsync() => await Factory.DisposeAsync();
}

public sealed class PostgresHostFixture() : HostFixture(DatabaseProvider.Postgres);

public sealed class SqliteHostFixture() : HostFixture(DatabaseProvider.Sqlite);

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresHostFixture>
{
    public const string Name = "PostgreSQL host";
}

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteHostFixture>
{
    public const string Name = "SQLite host";
}
