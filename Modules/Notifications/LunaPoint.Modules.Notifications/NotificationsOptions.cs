using LunaPoint.Modules.Notifications.Domain;

namespace LunaPoint.Modules.Notifications;

/// <summary>Settings under <c>LunaPoint:Notifications</c>.</summary>
internal sealed class NotificationsOptions
{
    public const string Section = "LunaPoint:Notifications";

    /// <summary>IANA time zone for rule schedules that name none, and for times in messages.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>The console's address as recipients reach it (links to event pages in e-mails); none: no link.</summary>
    public string? PublicBaseUrl { get; set; }

    public SmtpOptions Smtp { get; set; } = new();
    public TelegramOptions Telegram { get; set; } = new();
    public DispatchOptions Dispatch { get; set; } = new();
}

internal sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? From { get; set; }
    public int TimeoutSeconds { get; set; } = 30;
}

internal sealed class TelegramOptions
{
    public string? BotToken { get; set; }

    /// <summary>A self-hosted Bot API server (or a test stand-in); Telegram's own when null.</summary>
    public string? ApiBaseUrl { get; set; }

    /// <summary>Telegram allows about one message a second per chat and thirty a second overall.</summary>
    public double PerChatPerSecond { get; set; } = 1;
    public double GlobalPerSecond { get; set; } = 30;
}

internal sealed class DispatchOptions
{
    /// <summary>How long a failing delivery is retried before it is parked as dead.</summary>
    public double RetryForMinutes { get; set; } = 60;
    public double FirstRetrySeconds { get; set; } = 2;
    public double MaxRetrySeconds { get; set; } = 300;

    /// <summary>How often the dispatcher looks for due rows when nothing woke it (retries, other hosts' rows).</summary>
    public double PollSeconds { get; set; } = 1;

    /// <summary>A claimed row not finished within this is taken again (a host that died mid-send).</summary>
    public int LeaseSeconds { get; set; } = 60;
    public int BatchSize { get; set; } = 32;

    /// <summary>Sends in flight at once per channel (each channel has a lane of its own, so none stalls another).</summary>
    public int ParallelPerChannel { get; set; } = 8;
    public int WebhookTimeoutSeconds { get; set; } = 10;
}
