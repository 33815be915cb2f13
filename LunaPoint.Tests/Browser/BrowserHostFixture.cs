using System.Net;
using LunaPoint.SharedKernel.Data;
using LunaPoint.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LunaPoint.Tests.Browser;

/// <summary>
/// The real host on Kestrel at 127.0.0.1 on a free port (a browser cannot reach the in-memory test
/// server), with one headless Chromium shared by the tests of a collection; each test opens its own context.
/// </summary>
public abstract class BrowserHostFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public DatabaseProvider Provider { get; } = provider;

    public LunaPointFactory Factory { get; private set; } = null!;

    /// <summary>Where the host listens, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    private IPlaywright? _playwright;

    /// <summary>Settings a derived fixture gives its host on top of the test defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    /// <summary>Runs once the host is ready, before any test of the collection.</summary>
    protected virtual Task OnReadyAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        // A busy two-core CI machine needs more than the default 5 s for a page to answer; a real failure still fails.
        Assertions.SetDefaultExpectTimeout((float)PageExtensions.Timeout.TotalMilliseconds);

        // Start the browser first: a missing Chromium fails the collection before a database is made.
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath.Find(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });

        Factory = new LunaPointFactory(await TestDatabase.CreateAsync(Provider), Settings);
        Factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        Factory.StartServer();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        BaseUrl = addresses.Addresses.Single().TrimEnd('/');
        await Factory.WaitUntilReadyAsync();
        await OnReadyAsync();
    }

    /// <summary>
    /// A REST client signed in as the bootstrap administrator. Factory.CreateClient() without options points
    /// at the Kestrel address; given options it would point at http://localhost.
    /// </summary>
    public async Task<HttpClient> CreateAdministratorClientAsync()
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await Factory.GetTokenAsync("admin", LunaPointFactory.AdminPassword));
        return client;
    }

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }
    }
}

public sealed class PostgresBrowserFixture() : BrowserHostFixture(DatabaseProvider.Postgres);

public sealed class SqliteBrowserFixture() : BrowserHostFixture(DatabaseProvider.Sqlite);

[CollectionDefinition(Name)]
public sealed class PostgresBrowserCollection : ICollectionFixture<PostgresBrowserFixture>
{
    public const string Name = "PostgreSQL host in a browser";
}

[CollectionDefinition(Name)]
public sealed class SqliteBrowserCollection : ICollectionFixture<SqliteBrowserFixture>
{
    public const string Name = "SQLite host in a browser";
}
