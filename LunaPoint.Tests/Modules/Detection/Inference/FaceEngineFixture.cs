using LunaPoint.Modules.Detection.FaceModels;
using LunaPoint.Modules.Detection.Inference;
using LunaPoint.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace LunaPoint.Tests.Modules.Detection.Inference;

/// <summary>The real pinned models on CPU, loaded the way the host loads them, without a host.</summary>
public sealed class FaceEngineFixture : IDisposable
{
    private readonly FaceModelStore _store = new();

    public FaceEngineFixture()
    {
        var options = new FaceModelOptions { ModelsDir = RepoPaths.Models, Device = InferenceDevice.Cpu, IntraOpThreads = 1 };
        var factory = new OnnxSessionFactory(options, NullLogger<OnnxSessionFactory>.Instance);
        var sessions = new Dictionary<string, InferenceSession>();
        foreach (var model in FaceModelManifest.Load())
        {
            sessions[model.Name] = factory.Create(Path.Combine(RepoPaths.Models, model.FileName));
        }

        _store.SetReady(RepoPaths.Models, sessions, factory.ExecutionProvider);
        Engine = new FaceEngine(_store, Options.Create(options));
    }

    internal FaceEngine Engine { get; }

    internal static Mat Load(string fileName)
    {
        var path = RepoPaths.Media(fileName);
        var image = Cv2.ImRead(path, ImreadModes.Color);
        Assert.False(image.Empty(), $"{path} could not be decoded");
        return image;
    }

    public void Dispose()
    {
        Engine.Dispose();
        _store.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class FaceEngineCollection : ICollectionFixture<FaceEngineFixture>
{
    public const string Name = "Face engine";
}
