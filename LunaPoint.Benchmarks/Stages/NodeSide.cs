using System.Diagnostics;
using System.Text.Json;

namespace LunaPoint.Benchmarks.Stages;

/// <summary>
/// onnxruntime-node 1.30.0 in a child process (LunaPoint.Benchmarks/node/stages.mjs), installed into the
/// git-ignored node/node_modules on first use, answering batches of runs on the same inputs.
/// </summary>
internal sealed class NodeSide : IDisposable
{
    private readonly Process _process;

    private NodeSide(Process process) => _process = process;

    public static async Task<NodeSide> StartAsync(string benchmarksDir, string modelsDir, string inputsDir)
    {
        var nodeDir = Path.Combine(benchmarksDir, "node");
        if (!Directory.Exists(Path.Combine(nodeDir, "node_modules", "onnxruntime-node")))
        {
            Console.WriteLine("installing onnxruntime-node 1.30.0 into LunaPoint.Benchmarks/node/node_modules");
            using var npm = Process.Start(new ProcessStartInfo("npm", "install --no-audit --no-fund") { WorkingDirectory = nodeDir })!;
            await npm.WaitForExitAsync();
            if (npm.ExitCode != 0)
            {
                throw new InvalidOperationException("npm install failed in " + nodeDir);
            }
        }

        var start = new ProcessStartInfo("node", ["stages.mjs", modelsDir, inputsDir])
        {
            WorkingDirectory = nodeDir,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        };
        var process = Process.Start(start)!;
        var ready = await process.StandardOutput.ReadLineAsync();
        return ready == "ready" ? new NodeSide(process) : throw new InvalidOperationException("node side did not start: " + ready);
    }

    /// <returns>Milliseconds of each run.</returns>
    public async Task<double[]> RunAsync(string model, int count)
    {
        await _process.StandardInput.WriteLineAsync($"{model} {count}");
        await _process.StandardInput.FlushAsync();
        var line = await _process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("node side ended");
        return JsonSerializer.Deserialize<double[]>(line)!;
    }

    public void Dispose()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(5000))
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
