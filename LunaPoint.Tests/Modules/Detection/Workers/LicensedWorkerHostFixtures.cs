using LunaPoint.Modules.Licensing.Signing;
using LunaPoint.SharedKernel.Data;

namespace LunaPoint.Tests.Modules.Detection.Workers;

/// <summary>A host with stream workers that verifies licences signed by a key of the test's own (features can be switched on and off).</summary>
public abstract class LicensedWorkerHostFixture(DatabaseProvider provider) : WorkerHostFixture(provider)
{
    private readonly (string PrivatePem, string PublicPem) _keys = LicenseSigner.CreateKeyPair();

    public string PrivateKeyPem => _keys.PrivatePem;

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings!) { ["LunaPoint:Licensing:PublicKey"] = _keys.PublicPem };
}

public sealed class PostgresLicensedWorkerHostFixture() : LicensedWorkerHostFixture(DatabaseProvider.Postgres);

public sealed class SqliteLicensedWorkerHostFixture() : LicensedWorkerHostFixture(DatabaseProvider.Sqlite);

[CollectionDefinition(Name)]
public sealed class PostgresLicensedWorkerCollection : ICollectionFixture<PostgresLicensedWorkerHostFixture>
{
    public const string Name = "PostgreSQL licensed host with stream workers";
}

[CollectionDefinition(Name)]
public sealed class SqliteLicensedWorkerCollection : ICollectionFixture<SqliteLicensedWorkerHostFixture>
{
    public const string Name = "SQLite licensed host with stream workers";
}
