using LunaPoint.Modules.Events.Matching;
using LunaPoint.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Tests.Modules.Events.Lists;

/// <summary>Every watchlist test starts with no lists and a licence of 1,000 faces without largeLists.</summary>
public abstract class WatchlistTestBase(WatchlistHostFixture fixture) : IAsyncLifetime
{
    protected WatchlistApi Api { get; private set; } = null!;

    protected WatchlistHostFixture Fixture => fixture;

    internal WatchlistIndex Index => fixture.Factory.Services.GetRequiredService<WatchlistIndex>();

    public async Task InitializeAsync()
    {
        Api = new WatchlistApi(await fixture.Factory.CreateAdminClientAsync(), fixture);
        await Api.DeleteAllListsAsync();
        await Api.LicenseAsync(1000);
    }

    public Task DisposeAsync()
    {
        Api.Client.Dispose();
        return Task.CompletedTask;
    }

    protected static string Id(System.Text.Json.JsonElement element) => element.GetProperty("id").GetString()!;
}
