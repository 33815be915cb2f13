using System.Net.Http.Json;
using System.Text.Json;
using LunaPoint.Modules.Notifications.Data;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Tests.Modules.Notifications.Panel;

/// <summary>Alerts written straight into the module's table (the rule id is fresh per test, so tests filter by it).</summary>
internal static class AlertSeed
{
    public static readonly byte[] Jpeg = File.ReadAllBytes(RepoPaths.Media("messi5.jpg"));

    public static Alert New(Guid ruleId, DateTimeOffset occurredAt, AlertTrigger trigger = AlertTrigger.WatchlistMatch, Guid? streamId = null,
        Guid? faceId = null, byte[]? faceJpeg = null, string? acknowledgedBy = null, string title = "Jane Doe (Staff) at Front door") => new()
    {
        Id = Guid.CreateVersion7(occurredAt),
        RuleId = ruleId,
        RuleName = "Rule " + ruleId.ToString("N")[..6],
        Trigger = trigger,
        OccurredAt = occurredAt,
        CreatedAt = occurredAt,
        Title = title,
        StreamId = streamId,
        StreamName = streamId is null ? null : "Front door",
        Location = "Lobby",
        FaceId = faceId,
        FaceName = faceId is null ? null : "Jane Doe",
        ListName = faceId is null ? null : "Staff",
        ListColor = faceId is null ? null : "#aa3300",
        Similarity = faceId is null ? null : 0.874,
        FaceJpeg = faceJpeg,
        AcknowledgedAt = acknowledgedBy is null ? null : occurredAt.AddSeconds(5),
        AcknowledgedBy = acknowledgedBy,
        EscalateAt = acknowledgedBy is null ? occurredAt.AddMinutes(5) : null,
    };

    public static async Task AddAsync(LunaPointFactory factory, params Alert[] alerts)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        db.Alerts.AddRange(alerts);
        await db.SaveChangesAsync();
    }

    public static async Task<Alert?> FindAsync(LunaPointFactory factory, Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().Alerts.FindAsync(id);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    public static async Task<List<string>> IdsAsync(HttpClient client, string query)
    {
        var body = await client.GetFromJsonAsync<JsonElement>("/api/v1/alerts?" + query);
        return body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
    }
}
