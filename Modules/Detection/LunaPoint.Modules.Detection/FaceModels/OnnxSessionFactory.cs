using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace LunaPoint.Modules.Detection.FaceModels;

/// <summary>
/// Builds ONNX sessions on CUDA when it can, on CPU otherwise. The GPU build of ONNX Runtime lists CUDA
/// as available even with no GPU, so the only proof is appending the provider and seeing it not throw.
/// </summary>
internal sealed partial class OnnxSessionFactory(FaceModelOptions options, ILogger<OnnxSessionFactory> logger)
{
    private bool? _cudaWorks;

    public string ExecutionProvider => _cudaWorks == true ? "CUDA" : "CPU";

    public InferenceSession Create(string path)
    {
        if (options.Device != InferenceDevice.Cpu && _cudaWorks != false)
        {
            // ONNX Runtime prints its own error when the CUDA libraries are absent; in Auto mode that is
            // expected, and the one line below says it.
            var env = OrtEnv.Instance();
            var previous = env.EnvLogLevel;
            if (options.Device == InferenceDevice.Auto)
            {
                env.EnvLogLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL;
            }

            try
            {
                using var cudaOptions = BaseOptions();
                cudaOptions.AppendExecutionProvider_CUDA(options.CudaDeviceId);
                var session = new InferenceSession(path, cudaOptions);
                _cudaWorks = true;
                return session;
            }
            catch (OnnxRuntimeException ex) when (options.Device == InferenceDevice.Auto)
            {
                _cudaWorks = false;
                LogCudaUnavailable(ex.Message.Split('\n')[0]);
            }
            finally
            {
                env.EnvLogLevel = previous;
            }
        }

        using var cpuOptions = BaseOptions();
        return new InferenceSession(path, cpuOptions);
    }

    private SessionOptions BaseOptions()
    {
        var sessionOptions = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = options.IntraOpThreads,
            // The age and gender models keep weights as graph inputs; ONNX Runtime warns about each one
            // at every start. Errors still reach the console.
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        // Several sessions on few cores fight when their idle threads spin (measured: 50 ms -> 22 ms per face).
        sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return sessionOptions;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CUDA is not usable, face models run on CPU: {Reason}")]
    private partial void LogCudaUnavailable(string reason);
}
