namespace LunaPoint.Modules.Notifications.Domain;

/// <summary>When to notify whom: a trigger (event match, stream failure, licence warning…) and its channels.</summary>
internal sealed class NotificationRule
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    public bool Enabled { get; set; }
    public required string TriggerJson { get; set; }
    public required string ChannelsJson { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}
