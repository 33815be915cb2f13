using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.Modules.Events.Contracts;
using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Domain;
using LunaPoint.Modules.Events.Ingestion;
using LunaPoint.Modules.Events.Matching;
using LunaPoint.SharedKernel.Data;
using LunaPoint.Tests.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Tests.Modules.Events.Ingestion;

/// <summary>Collects the facts Events publishes, registered as one more subscriber of the real mediator.</summary>
public sealed class FactCollector : INotificationHandler<WatchlistMatched>, INotificationHandler<UnknownFaceSeen>
{
    public ConcurrentQueue<WatchlistMatched> Matched { get; } = new();

    public ConcurrentQueue<UnknownFaceSeen> Unknown { get; } = new();

    public ValueTask Handle(WatchlistMatched notification, CancellationToken cancellationToken)
    {
        Matched.Enqueue(notification);
        return ValueTask.CompletedTask;
    }

    public ValueTask Handle(UnknownFaceSeen notification, CancellationToken cancellationToken)
    {
        Unknown.Enqueue(notification);
        return ValueTask.CompletedTask;
    }
}

/// <summary>The real host with a fact collector; restartable on the same database.</summary>
internal sealed class IngestionHost : IAsyncDisposable
{
    private IngestionHost(LunaPointFactory parent, WebApplicationFactory<Program> factory, FactCollector facts)
    {
        (Parent, Factory, Facts) = (parent, factory, facts);
    }

    public LunaPointFactory Parent { get; }

    public WebApplicationFactory<Program> Factory { get; }

    public FactCollector Facts { get; }

    public IServiceProvider Services => Factory.Services;

    public static async Task<IngestionHost> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string?> settings)
    {
        var facts = new FactCollector();
        var parent = new LunaPointFactory(database, settings);
        var factory = parent.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<INotificationHandler<WatchlistMatched>>(facts);
            s.AddSingleton<INotificationHandler<UnknownFaceSeen>>(facts);
        }));
        var host = new IngestionHost(parent, factory, facts);
        await host.WaitReadyAsync();
        return host;
    }

    public async Task WaitReadyAsync()
    {
        using var client = Factory.CreateClient();
        await LunaPoint.Tests.Platform.Poll.UntilAsync(async () => (await client.GetAsync("/health/ready")).StatusCode == System.Net.HttpStatusCode.OK, "the host never became ready");
        var watchlists = Services.GetRequiredService<WatchlistIndex>();
        await watchlists.Readiness.WhenReady.WaitAsync(TimeSpan.FromSeconds(60));
        await Services.GetRequiredService<EventIndex>().Readiness.WhenReady.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>An administrator's client of this host (never the parent factory, which would start a second host).</summary>
    public async Task<HttpClient> AdminClientAsync()
    {
        using var login = Factory.CreateClient();
        using var token = await login.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = LunaPointFactory.AdminPassword });
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        return client;
    }

    public async Task<DetectedFace> DetectAsync(string photo)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new DetectFaces(await File.ReadAllBytesAsync(RepoPaths.Media(photo)), WithDescriptors: true));
        return result.Faces[0];
    }

    public async Task<Guid> CreateListAsync(string name, double threshold)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        var list = new FaceList { Id = Guid.NewGuid(), Name = name, Color = "#cc0000", Threshold = threshold, Notify = true, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
        db.Lists.Add(list);
        await db.SaveChangesAsync();
        Services.GetRequiredService<ListCatalog>().Invalidate();
        return list.Id;
    }

    /// <summary>Enrols a face the way the lists feature does: rows first, then the index.</summary>
    public async Task<Guid> EnrolAsync(string name, string photo, params Guid[] lists)
    {
        var face = await DetectAsync(photo);
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        var now = DateTimeOffset.UtcNow;
        var row = new Face { Id = Guid.NewGuid(), Name = name, ExternalId = "ext-" + name, CreatedAt = now, UpdatedAt = now };
        var photoRow = new FacePhoto { Id = Guid.NewGuid(), FaceId = row.Id, Descriptor = DescriptorCodec.ToBytes(face.Descriptor!), DescriptorModel = face.DescriptorModel!, Quality = face.Quality, CreatedAt = now };
        db.Faces.Add(row);
        db.FacePhotos.Add(photoRow);
        db.ListMembers.AddRange(lists.Select(l => new ListMember { ListId = l, FaceId = row.Id, AddedAt = now }));
        await db.SaveChangesAsync();
        var index = Services.GetRequiredService<WatchlistIndex>().Index;
        foreach (var list in lists)
        {
            index.Add(list, photoRow.Id, row.Id, face.Descriptor!);
        }

        return row.Id;
    }

    public async Task<T> DbAsync<T>(Func<EventsDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<EventsDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Parent.DisposeAsync();
    }

    public static Dictionary<string, string?> WorkerSettings(string mediaRoot) => new()
    {
        ["Modules:Detection:Workers:Enabled"] = "true",
        ["Modules:Detection:Workers:ReconcileSeconds"] = "2",
        ["LunaPoint:Media:Roots:0"] = mediaRoot,
    };

    public static DatabaseProvider[] Providers => [DatabaseProvider.Postgres, DatabaseProvider.Sqlite];
}
