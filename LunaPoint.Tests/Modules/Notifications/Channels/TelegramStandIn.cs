using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Tests.Modules.Notifications.Channels;

/// <summary>One Bot API call as the stand-in saw it; <see cref="At"/> is a Stopwatch timestamp taken on arrival.</summary>
internal sealed record BotCall(string Token, string Method, string? ChatId, string? Caption, string? Text, string? ParseMode, byte[]? Photo, long At);

/// <summary>
/// A real HTTP server on 127.0.0.1 standing in for the Telegram Bot API (<c>/bot{token}/{method}</c>):
/// reads sendPhoto's multipart form and sendMessage's JSON, and answers in Telegram's JSON shape, or as
/// <see cref="Answer"/> says for a chat (429 with retry_after, 400 chat not found…).
/// </summary>
internal sealed class TelegramStandIn : IAsyncDisposable
{
    private readonly ConcurrentQueue<BotCall> _calls = new();
    private WebApplication _app = null!;

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<BotCall> Calls => _calls.ToArray();

    public IReadOnlyList<BotCall> CallsTo(string chatId) => _calls.Where(c => c.ChatId == chatId).ToList();

    /// <summary>Per chat and call index (0-based for that chat): a status and body to answer instead of success; null: success.</summary>
    public Func<string, int, (int Status, string Body)?> Answer { get; set; } = (_, _) => null;

    public static async Task<TelegramStandIn> StartAsync()
    {
        var standIn = new TelegramStandIn();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        standIn._app = builder.Build();
        standIn._app.Run(standIn.HandleAsync);
        await standIn._app.StartAsync();
        standIn.BaseUrl = standIn._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return standIn;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var at = Stopwatch.GetTimestamp();
        var segments = context.Request.Path.Value!.Trim('/').Split('/');
        var token = segments[0].StartsWith("bot", StringComparison.Ordinal) ? segments[0][3..] : "";
        var method = segments.Length > 1 ? segments[1] : "";
        Dictionary<string, string> fields = new();
        byte[]? photo = null;
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync();
            fields = form.ToDictionary(f => f.Key, f => f.Value.ToString());
            // The file part is named "photo", or the photo field says attach://<part>.
            var partName = fields.GetValueOrDefault("photo") is { } reference && reference.StartsWith("attach://", StringComparison.Ordinal) ? reference[9..] : "photo";
            if (form.Files.GetFile(partName) is { } file)
            {
                using var bytes = new MemoryStream();
                await file.CopyToAsync(bytes);
                photo = bytes.ToArray();
            }
        }
        else
        {
            using var json = await JsonDocument.ParseAsync(context.Request.Body);
            fields = json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText());
        }

        var chat = fields.GetValueOrDefault("chat_id");
        var index = _calls.Count(c => c.ChatId == chat);
        _calls.Enqueue(new BotCall(token, method, chat, fields.GetValueOrDefault("caption"), fields.GetValueOrDefault("text"), fields.GetValueOrDefault("parse_mode"), photo, at));
        context.Response.ContentType = "application/json";
        if (Answer(chat ?? "", index) is { } answer)
        {
            context.Response.StatusCode = answer.Status;
            await context.Response.WriteAsync(answer.Body);
            return;
        }

        var chatId = long.TryParse(chat, out var id) ? id : 1;
        var content = method == "sendPhoto" && photo is not null
            ? ""","photo":[{"file_id":"AgAD","file_unique_id":"AQAD","width":64,"height":64}]"""
            : $""","text":{JsonSerializer.Serialize(fields.GetValueOrDefault("text") ?? "")}""";
        await context.Response.WriteAsync(
            $$$"""{"ok":true,"result":{"message_id":{{{index + 1}}},"date":1700000000,"chat":{"id":{{{chatId}}},"type":"private"}{{{content}}}}}""");
    }

    public static (int, string) TooManyRequests(int retryAfter) =>
        (429, $$$"""{"ok":false,"error_code":429,"description":"Too Many Requests: retry after {{{retryAfter}}}","parameters":{"retry_after":{{{retryAfter}}}}}""");

    public static (int, string) Error(int code, string description) =>
        (code, $$"""{"ok":false,"error_code":{{code}},"description":{{JsonSerializer.Serialize(description)}}}""");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
