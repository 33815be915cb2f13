namespace LunaPoint.Modules.Events;

/// <summary>Settings of the Events module (<c>LunaPoint:Events</c>).</summary>
internal sealed class EventsOptions
{
    public const string Section = "LunaPoint:Events";

    /// <summary>Folder of event and face images; default <c>&lt;DataDir&gt;/images</c>.</summary>
    public string? ImageStore { get; set; }
}
