namespace LunaPoint.SharedKernel.Data;

/// <summary>
/// Whether a module's database has been migrated. Workers await <see cref="WhenMigrated"/> before
/// touching their tables; the readiness check reads <see cref="IsMigrated"/>.
/// </summary>
public sealed class ModuleDatabaseState<TContext> : IModuleDatabaseState
{
    private readonly TaskCompletionSource _migrated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsMigrated => _migrated.Task.IsCompletedSuccessfully;

    public string? LastError { get; private set; }

    public Task WhenMigrated(CancellationToken cancellationToken) => _migrated.Task.WaitAsync(cancellationToken);

    internal void MarkMigrated()
    {
        LastError = null;
        _migrated.TrySetResult();
    }

    internal void MarkFailed(string error) => LastError = error;
}
