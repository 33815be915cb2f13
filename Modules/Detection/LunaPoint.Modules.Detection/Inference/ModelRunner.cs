using System.Collections.Concurrent;
using Microsoft.ML.OnnxRuntime;

namespace LunaPoint.Modules.Detection.Inference;

/// <summary>
/// One model's shared session and its queue. Callers wait for one of <c>slots</c> runs at a time (the
/// rest queue on the semaphore, in order), fill a pooled input buffer and decode the outputs while the
/// slot is held, so nothing per call is allocated but the decoded result.
/// </summary>
/// <remarks>
/// No batching: every pinned model declares a fixed batch dimension of 1 (InputMetadata [1,...]) and
/// ONNX Runtime refuses a batch of 2 ("Got invalid dimensions for input"), so requests that wait together
/// run one after another. Two slots per model with one intra-op thread each beat one slot with two
/// threads under concurrent load on 2 cores (docs/benchmarks.md, "Per-stage latency (step 5)").
/// </remarks>
internal sealed class ModelRunner : IDisposable
{
    private readonly InferenceSession _session;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<InputBuffer> _buffers = [];
    private readonly long[] _shape;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;

    public ModelRunner(InferenceSession session, int slots)
    {
        _session = session;
        _slots = new SemaphoreSlim(Math.Max(1, slots));
        var input = session.InputMetadata.Single();
        _inputNames = [input.Key];
        _shape = input.Value.Dimensions.Select(d => (long)Math.Max(1, d)).ToArray();
        _outputNames = [.. session.OutputMetadata.Keys];
        InputLength = (int)_shape.Aggregate(1L, (a, b) => a * b);
        BatchIsDynamic = input.Value.Dimensions[0] < 0;
    }

    /// <summary>Floats in one input (batch of 1).</summary>
    public int InputLength { get; }

    /// <summary>Whether the model accepts more than one input per run (none of the pinned ones does).</summary>
    public bool BatchIsDynamic { get; }

    public IReadOnlyList<string> OutputNames => _outputNames;

    /// <summary>Runs the model once: <paramref name="fill"/> writes the input, <paramref name="decode"/> reads the outputs (in <see cref="OutputNames"/> order).</summary>
    public async ValueTask<TResult> RunAsync<TState, TResult>(
        TState state, Action<TState, Span<float>> fill, Func<TState, IReadOnlyList<OrtValue>, TResult> decode, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        var buffer = _buffers.TryTake(out var pooled) ? pooled : new InputBuffer(InputLength, _shape);
        try
        {
            fill(state, buffer.Data);
            using var outputs = _session.Run(RunOptions, _inputNames, [buffer.Value], _outputNames);
            return decode(state, outputs);
        }
        finally
        {
            _buffers.Add(buffer);
            _slots.Release();
        }
    }

    private static readonly RunOptions RunOptions = new();

    public void Dispose()
    {
        foreach (var buffer in _buffers)
        {
            buffer.Dispose();
        }

        _slots.Dispose();
    }

    /// <summary>A float array with an ONNX tensor over it (pinned once, reused for every run).</summary>
    private sealed class InputBuffer(int length, long[] shape) : IDisposable
    {
        private readonly float[] _data = new float[length];

        public Span<float> Data => _data;

        public OrtValue Value => field ??= OrtValue.CreateTensorValueFromMemory(_data, shape);

        public void Dispose() => Value.Dispose();
    }
}
