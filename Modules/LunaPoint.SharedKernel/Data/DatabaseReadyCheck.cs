using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LunaPoint.SharedKernel.Data;

/// <summary>Ready when the module's migrations are applied and its database answers.</summary>
internal sealed class DatabaseReadyCheck<TContext>(TContext db, ModuleDatabaseState<TContext> state) : IHealthCheck
    where TContext : DbContext, IModuleDbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!state.IsMigrated)
        {
            return HealthCheckResult.Unhealthy($"schema {db.Schema} not migrated yet" + (state.LastError is null ? "" : $": {state.LastError}"));
        }

        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy($"schema {db.Schema} migrated")
            : HealthCheckResult.Unhealthy($"database of schema {db.Schema} does not answer");
    }
}
