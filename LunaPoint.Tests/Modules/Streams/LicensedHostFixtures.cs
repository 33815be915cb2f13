using LunaPoint.Modules.Licensing.Signing;
using LunaPoint.SharedKernel.Data;
using LunaPoint.Tests.Infrastructure;

namespace LunaPoint.Tests.Modules.Streams;

/// <summary>
/// A host of its own whose licensing key the tests hold, so they can issue licences. The licence is
/// global state, so these tests run in their own collection, one at a time.
/// </summary>
public abstract class LicensedHostFixture(DatabaseProvider provider) : HostFixture(provider)
{
    private readonly (string PrivatePem, string PublicPem) _keys = LicenseSigner.CreateKeyPair();

    public string PrivateKeyPem => _keys.PrivatePem;

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["LunaPoint:Licensing:PublicKey"] = _keys.PublicPem };
}

public sealed class PostgresLicensedHostFixture() : LicensedHostFixture(DatabaseProvider.Postgres);

public sealed class SqliteLicensedHostFixture() : LicensedHostFixture(DatabaseProvider.Sqlite);

[CollectionDefinition(Name)]
public sealed class PostgresLicensedCollection : ICollectionFixture<PostgresLicensedHostFixture>
{
    public const string Name = "PostgreSQL licensed host";
}

[CollectionDefinition(Name)]
public sealed class SqliteLicensedCollection : ICollectionFixture<SqliteLicensedHostFixture>
{
    public const string Name = "SQLite licensed host";
}
