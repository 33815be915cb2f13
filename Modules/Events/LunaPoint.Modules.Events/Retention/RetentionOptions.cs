namespace LunaPoint.Modules.Events.Retention;

/// <summary>How long events are kept (<c>LunaPoint:Events:Retention</c>); 0 days keeps them for ever.</summary>
internal sealed class RetentionOptions
{
    /// <summary>Days an event that matched a watchlist face is kept.</summary>
    public int MatchedDays { get; set; } = 365;

    /// <summary>Days an event that matched nothing is kept.</summary>
    public int UnmatchedDays { get; set; } = 30;

    public int IntervalMinutes { get; set; } = 60;

    /// <summary>Events deleted per statement: short transactions, so ingestion is never held up.</summary>
    public int BatchSize { get; set; } = 500;
}
