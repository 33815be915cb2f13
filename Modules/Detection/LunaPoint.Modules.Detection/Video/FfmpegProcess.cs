using System.ComponentModel;
using System.Diagnostics;

namespace LunaPoint.Modules.Detection.Video;

/// <summary>
/// One running ffmpeg: raw frames on <see cref="Stdout"/>, stderr read in the background into
/// <see cref="Stderr"/>. Disposing kills it (with any children) and waits until it is gone, so no
/// process outlives its source.
/// </summary>
internal sealed class FfmpegProcess : IAsyncDisposable
{
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(10);
    private readonly Process _process;
    private readonly TaskCompletionSource<bool> _outputKnown = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _stderrPump;
    private int _disposed;

    public FfmpegProcess(Process process)
    {
        _process = process;
        Stdout = process.StandardOutput.BaseStream;
        _stderrPump = Task.Run(PumpStderrAsync);
    }

    public int Id => _process.Id;

    public Stream Stdout { get; }

    public FfmpegStderr Stderr { get; } = new();

    /// <returns>true once ffmpeg described its raw output (<see cref="FfmpegStderr.Output"/>); false when it exited first.</returns>
    public Task<bool> OutputKnownAsync(CancellationToken cancellationToken) => _outputKnown.Task.WaitAsync(cancellationToken);

    /// <returns>ffmpeg's exit code, or null when it did not exit within <paramref name="timeout"/>.</returns>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            await _stderrPump.WaitAsync(cts.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Kills ffmpeg now; safe from any thread and more than once (a cancellation callback calls it).</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Kill();
        await WaitForExitAsync(ExitWait);
        Stdout.Dispose();
        _process.Dispose();
    }

    private async Task PumpStderrAsync()
    {
        try
        {
            while (await _process.StandardError.ReadLineAsync() is { } line)
            {
                if (Stderr.Add(line))
                {
                    _outputKnown.TrySetResult(true);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The pipe closed under us: ffmpeg is gone.
        }

        _outputKnown.TrySetResult(false);
    }
}
