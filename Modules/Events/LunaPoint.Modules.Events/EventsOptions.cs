namespace LunaPoint.Modules.Events;

/// <summary>Settings of the Events module (<c>LunaPoint:Events</c>).</summary>
internal sealed class EventsOptions
{
    public const string Section = "LunaPoint:Events";

    /// <summary>Folder of event and face images; default <c>&lt;DataDir&gt;/images</c>.</summary>
    public string? ImageStore { get; set; }

    /// <summary><c>LunaPoint:Events:Ingestion</c>: the best-shot queue, batches and the outage buffer.</summary>
    public Ingestion.IngestionOptions Ingestion { get; set; } = new();

    /// <summary><c>LunaPoint:Events:Retention</c>: how long matched and unmatched events are kept.</summary>
    public Retention.RetentionOptions Retention { get; set; } = new();
}
