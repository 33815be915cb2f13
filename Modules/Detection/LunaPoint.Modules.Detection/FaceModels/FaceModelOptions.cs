namespace LunaPoint.Modules.Detection.FaceModels;

internal enum InferenceDevice
{
    /// <summary>CUDA when the runtime can load it, otherwise CPU.</summary>
    Auto,
    Cpu,
    Cuda,
}

internal sealed class FaceModelOptions
{
    public const string Section = "LunaPoint:Inference";

    /// <summary>Resolved against the content root; bound from <c>LunaPoint:ModelsDir</c>.</summary>
    public string ModelsDir { get; set; } = "./models";

    public InferenceDevice Device { get; set; } = InferenceDevice.Auto;

    public int CudaDeviceId { get; set; }

    /// <summary>Threads per ONNX session; 0 lets ONNX Runtime choose.</summary>
    public int IntraOpThreads { get; set; }
}
