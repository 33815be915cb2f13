namespace LunaPoint.Modules.Detection.Webhooks;

/// <summary><c>LunaPoint:Detection:Webhooks</c>: how best shots are pushed to the streams' external receivers.</summary>
internal sealed class WebhookOptions
{
    public const string Section = "LunaPoint:Detection:Webhooks";

    /// <summary>How long one POST may take, connect included (wall-clock time, as the receiver lives in it).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>After this long since the best shot, a delivery that keeps failing is given up (kept for the record).</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>POSTs in flight at once, all receivers together; one receiver gets at most half of them.</summary>
    public int MaxParallel { get; set; } = 4;

    /// <summary>Most rows one claim query takes.</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>How often the outbox is read without a wake-up: rows written by another host or before a restart.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>POSTs one receiver (URL) may have in flight, so a slow one cannot take every slot.</summary>
    public int MaxParallelPerReceiver => Math.Max(1, MaxParallel / 2);

    public bool IsValid(out string problem)
    {
        problem = Timeout <= TimeSpan.Zero ? "Timeout must be positive"
            : GiveUpAfter <= TimeSpan.Zero ? "GiveUpAfter must be positive"
            : MaxParallel is < 1 or > 64 ? "MaxParallel must be 1 to 64"
            : BatchSize is < 1 or > 1000 ? "BatchSize must be 1 to 1000"
            : PollInterval < TimeSpan.FromMilliseconds(100) ? "PollInterval must be at least 100 ms"
            : "";
        return problem.Length == 0;
    }
}
