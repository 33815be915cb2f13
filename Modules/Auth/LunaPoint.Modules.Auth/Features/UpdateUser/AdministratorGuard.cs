using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Auth.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace LunaPoint.Modules.Auth.Features;

/// <summary>
/// Makes "count the active administrators, then demote or disable one" atomic, so two administrators
/// demoting each other at once cannot leave none. In this process a gate lets one such change run at a
/// time; in the database the change runs in one transaction that first locks the Administrator role row
/// (PostgreSQL <c>FOR UPDATE</c>, so hosts sharing a database queue too; SQLite's transaction takes the
/// file's write lock). The count must be read after <see cref="EnterAsync"/> returns.
/// </summary>
internal sealed class AdministratorGuard
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<Lease> EnterAsync(AuthDbContext db, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlAsync(
                    $"SELECT id FROM clementine_auth.roles WHERE normalized_name = {Roles.Administrator.ToUpperInvariant()} FOR UPDATE",
                    cancellationToken);
            }

            return new Lease(_gate, transaction);
        }
        catch
        {
            _gate.Release();
            throw;
        }
    }

    /// <summary>Holds the gate and the transaction; <see cref="CommitAsync"/> keeps the change, disposing without it rolls back.</summary>
    internal sealed class Lease(SemaphoreSlim gate, IDbContextTransaction transaction) : IAsyncDisposable
    {
        public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

        public async ValueTask DisposeAsync()
        {
            try
            {
                await transaction.DisposeAsync();
            }
            finally
            {
                gate.Release();
            }
        }
    }
}
