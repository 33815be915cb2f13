using LunaPoint.Modules.Detection.FaceModels;
using LunaPoint.Modules.Detection.Inference;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;

namespace LunaPoint.Benchmarks.Stages;

/// <summary>A FaceEngine on its own CPU sessions with a given thread count and queue width, as the host builds one.</summary>
internal sealed class StageEngine : IDisposable
{
    private readonly FaceModelStore _store = new();

    public StageEngine(string modelsDir, int threads, int? slots = null)
    {
        var options = new FaceModelOptions { ModelsDir = modelsDir, Device = InferenceDevice.Cpu, IntraOpThreads = threads };
        var factory = new OnnxSessionFactory(options, NullLogger<OnnxSessionFactory>.Instance);
        var sessions = FaceModelManifest.Load()
            .ToDictionary(m => m.Name, m => factory.Create(Path.Combine(modelsDir, m.FileName)));
        _store.SetReady(modelsDir, sessions, factory.ExecutionProvider);
        Engine = new FaceEngine(_store, Options.Create(options)) { Slots = slots };
        Label = $"{threads} thread(s) x {Engine.SlotsPerModel} run(s) at once";
    }

    public FaceEngine Engine { get; }

    public string Label { get; }

    public InferenceSession Session(string name) => _store[name];

    public void Dispose()
    {
        Engine.Dispose();
        _store.Dispose();
    }
}
