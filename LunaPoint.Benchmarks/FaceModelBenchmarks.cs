using BenchmarkDotNet.Attributes;
using LunaPoint.Modules.Detection.FaceModels;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace LunaPoint.Benchmarks;

/// <summary>
/// What start-up and per-face work cost on this machine: verifying the pinned models, creating the
/// sessions, and one inference of the detector and the descriptor model, each session configured as the
/// host configures it (CPU, spinning off).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class FaceModelBenchmarks
{
    private readonly string _modelsDir = FindModels();
    private OnnxSessionFactory _factory = null!;
    private InferenceSession _detector = null!;
    private InferenceSession _descriptor = null!;
    private NamedOnnxValue[] _detectorInput = null!;
    private NamedOnnxValue[] _descriptorInput = null!;

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _factory = new OnnxSessionFactory(new FaceModelOptions { Device = InferenceDevice.Cpu, IntraOpThreads = Threads }, NullLogger<OnnxSessionFactory>.Instance);
        _detector = _factory.Create(Path.Combine(_modelsDir, "fr_detect.onnx"));
        _descriptor = _factory.Create(Path.Combine(_modelsDir, "fr_feature.onnx"));
        _detectorInput = [NamedOnnxValue.CreateFromTensor(_detector.InputNames[0], Noise([1, 3, 240, 320]))];
        _descriptorInput = [NamedOnnxValue.CreateFromTensor(_descriptor.InputNames[0], Noise([1, 3, 112, 112]))];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _detector.Dispose();
        _descriptor.Dispose();
    }

    [Benchmark(Description = "verify SHA-256 of the 9 pinned models")]
    public Task<string?> VerifyModels() =>
        FaceModelVerifier.FindProblemAsync(_modelsDir, FaceModelManifest.Load(), CancellationToken.None);

    [Benchmark(Description = "fr_detect 320x240")]
    public float Detect()
    {
        using var results = _detector.Run(_detectorInput);
        return results[0].AsTensor<float>()[0, 0, 0];
    }

    [Benchmark(Description = "fr_feature 112x112")]
    public float Describe()
    {
        using var results = _descriptor.Run(_descriptorInput);
        return results[0].AsTensor<float>()[0, 0];
    }

    private static DenseTensor<float> Noise(int[] shape)
    {
        var tensor = new DenseTensor<float>(shape);
        var random = new Random(7);
        for (var i = 0; i < tensor.Length; i++)
        {
            tensor.SetValue(i, (float)(random.NextDouble() * 2 - 1));
        }

        return tensor;
    }

    private static string FindModels()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var models = Path.Combine(dir.FullName, "models");
            if (File.Exists(Path.Combine(models, "fr_detect.onnx")))
            {
                return models;
            }
        }

        throw new InvalidOperationException("models/ not found: run scripts/fetch-models.sh");
    }
}
