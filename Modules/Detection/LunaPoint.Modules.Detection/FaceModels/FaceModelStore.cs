using Microsoft.ML.OnnxRuntime;

namespace LunaPoint.Modules.Detection.FaceModels;

internal enum FaceModelState
{
    Loading,
    Ready,
    Failed,
}

/// <summary>
/// The shared ONNX sessions, one per model, loaded once at start. Holds why loading failed so the
/// readiness check and the log can say how to fix it.
/// </summary>
internal sealed class FaceModelStore : IDisposable
{
    private Dictionary<string, InferenceSession> _sessions = [];

    public FaceModelState State { get; private set; } = FaceModelState.Loading;

    public string? Problem { get; private set; }

    /// <summary>"CUDA" or "CPU": where the sessions run.</summary>
    public string? ExecutionProvider { get; private set; }

    public string ModelsDir { get; private set; } = "";

    public InferenceSession this[string name] => State == FaceModelState.Ready
        ? _sessions[name]
        : throw new InvalidOperationException($"Face models are not loaded: {Problem ?? "still loading"}");

    public IReadOnlyCollection<string> Names => _sessions.Keys;

    internal void SetReady(string modelsDir, Dictionary<string, InferenceSession> sessions, string executionProvider)
    {
        ModelsDir = modelsDir;
        _sessions = sessions;
        ExecutionProvider = executionProvider;
        Problem = null;
        State = FaceModelState.Ready;
    }

    internal void SetFailed(string modelsDir, string problem)
    {
        ModelsDir = modelsDir;
        Problem = problem;
        State = FaceModelState.Failed;
    }

    public void Dispose()
    {
        foreach (var session in _sessions.Values)
        {
            session.Dispose();
        }
    }
}
