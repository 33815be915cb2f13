using System.Text;
using System.Text.Json;
using LunaPoint.Modules.Detection.Data;
using LunaPoint.Modules.Detection.Domain;
using LunaPoint.Tests.Infrastructure;
using LunaPoint.Tests.Modules.Detection.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Tests.Modules.Detection.Workers;

/// <summary>What the feature tests read back: the track rows, and the webhook posts as (metadata, parts).</summary>
internal static class FeatureTestData
{
    public static async Task<List<Track>> TracksAsync(LunaPointFactory factory, Guid streamId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DetectionDbContext>().Tracks.AsNoTracking().Where(t => t.StreamId == streamId).ToListAsync();
    }

    /// <summary>The posts the receiver got for one stream, oldest first.</summary>
    public static List<(JsonElement Metadata, ReceivedRequest Request)> Posts(WebhookReceiver receiver, Guid streamId) =>
        [.. receiver.Requests
            .Select(r => (Metadata: JsonDocument.Parse(Encoding.UTF8.GetString(r.Parts.Single(p => p.Name == "metadata").Body)).RootElement, Request: r))
            .Where(p => p.Metadata.GetProperty("streamId").GetGuid() == streamId)];

    public static string Stage(string mediaRoot, string video)
    {
        var target = Path.Combine(mediaRoot, Path.GetFileName(video));
        File.Copy(video, target, overwrite: true);
        return target;
    }

    /// <summary>Whether a JSON object has the property and it is not null.</summary>
    public static bool Has(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;
}
