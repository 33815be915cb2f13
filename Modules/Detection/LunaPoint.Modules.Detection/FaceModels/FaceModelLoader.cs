using LunaPoint.SharedKernel.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;

namespace LunaPoint.Modules.Detection.FaceModels;

/// <summary>
/// Verifies and loads the face models once at start, off the start-up path so the host answers
/// /health/live at once. A missing or corrupt model leaves the host running but not ready, with one
/// log line that says how to fix it. Anything unexpected (an I/O error reading a file) is retried with
/// backoff by the shared loop instead of ending the host.
/// </summary>
internal sealed partial class FaceModelLoader(
    BackgroundWork work,
    FaceModelStore store,
    IOptions<FaceModelOptions> options,
    IHostEnvironment environment,
    ILoggerFactory loggerFactory,
    ILogger<FaceModelLoader> logger) : ResilientBackgroundService(work)
{
    protected override string Name => "Face model loader";

    // Model files need no database: loading starts with the host.
    protected override bool WaitForDatabases => false;

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken stoppingToken)
    {
        var modelsDir = Path.GetFullPath(options.Value.ModelsDir, environment.ContentRootPath);
        var models = FaceModelManifest.Load();
        var problem = await FaceModelVerifier.FindProblemAsync(modelsDir, models, stoppingToken);
        if (problem is not null)
        {
            store.SetFailed(modelsDir, problem);
            LogProblem(problem, modelsDir);
            return;
        }

        var factory = new OnnxSessionFactory(options.Value, loggerFactory.CreateLogger<OnnxSessionFactory>());
        var sessions = new Dictionary<string, InferenceSession>();
        try
        {
            foreach (var model in models)
            {
                stoppingToken.ThrowIfCancellationRequested();
                sessions[model.Name] = factory.Create(Path.Combine(modelsDir, model.FileName));
            }
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or DllNotFoundException or TypeInitializationException)
        {
            foreach (var session in sessions.Values)
            {
                session.Dispose();
            }

            store.SetFailed(modelsDir, $"ONNX Runtime could not load the face models: {ex.Message}");
            LogLoadFailed(ex.Message);
            return;
        }

        store.SetReady(modelsDir, sessions, factory.ExecutionProvider);
        LogLoaded(sessions.Count, modelsDir, factory.ExecutionProvider);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Problem}. Fetch them with: scripts/fetch-models.sh {ModelsDir}")]
    private partial void LogProblem(string problem, string modelsDir);

    [LoggerMessage(Level = LogLevel.Error, Message = "ONNX Runtime could not load the face models: {Error}")]
    private partial void LogLoadFailed(string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} face models from {ModelsDir} on {Provider}")]
    private partial void LogLoaded(int count, string modelsDir, string provider);
}
