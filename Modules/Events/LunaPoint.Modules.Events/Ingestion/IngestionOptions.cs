namespace LunaPoint.Modules.Events.Ingestion;

/// <summary>How best shots become events (<c>LunaPoint:Events:Ingestion</c>).</summary>
internal sealed class IngestionOptions
{
    /// <summary>Shots waiting between Detection and the writer; a full queue makes Detection's publisher wait.</summary>
    public int QueueCapacity { get; set; } = 256;

    /// <summary>Shots written per transaction.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// Shots held in memory while the database cannot be written. Past it the oldest shots that match no
    /// watchlist are dropped and counted; matched shots are never dropped (the queue then pushes back).
    /// </summary>
    public int MaxBufferedShots { get; set; } = 5000;

    /// <summary>How long host stop waits for buffered shots to be written.</summary>
    public int DrainSeconds { get; set; } = 5;

    /// <summary>First and longest wait between writes while the database fails.</summary>
    public int RetryFirstDelayMs { get; set; } = 500;

    public int RetryMaxDelayMs { get; set; } = 30_000;
}
