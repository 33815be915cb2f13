using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LunaPoint.Modules.Detection.FaceModels;

internal sealed class FaceModelsReadyCheck(FaceModelStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.State switch
        {
            FaceModelState.Ready => HealthCheckResult.Healthy($"{store.Names.Count} models loaded on {store.ExecutionProvider}"),
            FaceModelState.Failed => HealthCheckResult.Unhealthy($"{store.Problem}. Fix: scripts/fetch-models.sh {store.ModelsDir}"),
            _ => HealthCheckResult.Unhealthy("face models are loading"),
        });
}
