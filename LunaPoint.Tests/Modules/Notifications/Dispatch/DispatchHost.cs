using LunaPoint.SharedKernel.Data;
using LunaPoint.Tests.Infrastructure;

namespace LunaPoint.Tests.Modules.Notifications.Dispatch;

/// <summary>One host per provider with the dispatcher's fast test settings.</summary>
public abstract class DispatchHost(DatabaseProvider provider) : HostFixture(provider)
{
    protected override IReadOnlyDictionary<string, string?>? Settings => DispatchKit.Settings();
}

public sealed class PostgresDispatchHost() : DispatchHost(DatabaseProvider.Postgres);

public sealed class SqliteDispatchHost() : DispatchHost(DatabaseProvider.Sqlite);
