namespace LunaPoint.Modules.Notifications.Domain;

/// <summary>Where alerts go. JSON names are camelCase: <c>console</c>, <c>email</c>, <c>telegram</c>, <c>webhook</c>.</summary>
internal enum ChannelType
{
    Console,
    Email,
    Telegram,
    Webhook,
}

/// <summary>
/// One channel of a rule: <c>{"type":"console"}</c>, <c>{"type":"email","recipients":[...]}</c>,
/// <c>{"type":"telegram","chatIds":[...]}</c>, <c>{"type":"webhook","url":...,"secret":...}</c>.
/// The webhook secret is write-only: never shown back through the API or the console.
/// </summary>
internal sealed record ChannelSpec
{
    public ChannelType Type { get; init; }
    public IReadOnlyList<string>? Recipients { get; init; }
    public IReadOnlyList<string>? ChatIds { get; init; }
    public string? Url { get; init; }
    public string? Secret { get; init; }

    /// <summary>One outbox row per recipient: the e-mail address, chat id, URL, or "console".</summary>
    public IEnumerable<string> RecipientList() => Type switch
    {
        ChannelType.Email => Recipients ?? [],
        ChannelType.Telegram => ChatIds ?? [],
        ChannelType.Webhook => Url is null ? [] : [Url],
        _ => ["console"],
    };
}
