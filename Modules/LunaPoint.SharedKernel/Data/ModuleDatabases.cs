namespace LunaPoint.SharedKernel.Data;

/// <summary>A module database's migration state, whatever its DbContext type.</summary>
public interface IModuleDatabaseState
{
    bool IsMigrated { get; }

    Task WhenMigrated(CancellationToken cancellationToken);
}

/// <summary>
/// Every module database the host registered. Background work waits for all of them, not only its own
/// module's: a worker's unit usually reaches other modules too (the licence monitor's fact is handled by
/// Streams).
/// </summary>
public sealed class ModuleDatabases(IEnumerable<IModuleDatabaseState> states)
{
    private readonly IModuleDatabaseState[] _states = states.ToArray();

    public bool AllMigrated => _states.All(s => s.IsMigrated);

    public Task WhenAllMigrated(CancellationToken cancellationToken) =>
        Task.WhenAll(_states.Select(s => s.WhenMigrated(cancellationToken)));
}
