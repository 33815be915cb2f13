using System.Diagnostics;
using System.Text;

namespace LunaPoint.Tests.Infrastructure.Video;

/// <summary>A helper process (test servers, video generation) that is always killed with its children and reaped.</summary>
internal sealed class TestProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private TestProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static TestProcess Start(string fileName, params IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return new TestProcess(Process.Start(info) ?? throw new InvalidOperationException($"{fileName} did not start"));
    }

    /// <summary>Runs to the end; fails with the process's output when it fails or takes longer than <paramref name="timeout"/>.</summary>
    public static async Task RunAsync(TimeSpan timeout, string fileName, params IEnumerable<string> arguments)
    {
        await using var process = Start(fileName, arguments);
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process._process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{fileName} did not finish within {timeout}: {process.Output}");
        }

        if (process._process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} failed with exit code {process._process.ExitCode}: {process.Output}");
        }
    }

    public void Pause() => Posix.Signal(Id, Posix.SigStop);

    public void Resume() => Posix.Signal(Id, Posix.SigCont);

    public async Task KillAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                // A stopped process dies of SIGKILL too; SIGCONT first is not needed.
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
        }

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _process.WaitForExitAsync(cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            // The last lines are what a failure message needs; a server running for minutes must not grow without end.
            if (_output.Length > 16_000)
            {
                _output.Remove(0, 8_000);
            }

            _output.AppendLine(line);
        }
    }
}
