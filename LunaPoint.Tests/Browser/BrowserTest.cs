using System.Runtime.CompilerServices;
using LunaPoint.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LunaPoint.Tests.Browser;

/// <summary>
/// Base of every browser test: a fresh context (no cookies) and page per test, every problem the browser
/// sees collected (<see cref="Problems"/>), confirm dialogs accepted and remembered. Write a test as
/// <c>[Fact] public Task Name() => RunAsync(async () => { ... });</c>: it then fails on any console error,
/// page error or failed request, and leaves a screenshot and the page's HTML in
/// .cache/test-results/browser when it fails.
/// </summary>
public abstract class BrowserTest(BrowserHostFixture fixture) : IAsyncLifetime
{
    private readonly List<string> _dialogs = [];

    protected BrowserHostFixture Fixture => fixture;

    protected LunaPointFactory Factory => fixture.Factory;

    protected IBrowserContext Context { get; private set; } = null!;

    protected IPage Page { get; private set; } = null!;

    protected PageProblems Problems { get; } = new();

    /// <summary>The messages of the confirm/alert dialogs shown so far (each was accepted).</summary>
    protected IReadOnlyList<string> Dialogs
    {
        get
        {
            lock (_dialogs)
            {
                return [.. _dialogs];
            }
        }
    }

    /// <summary>The sidebar's main navigation.</summary>
    protected ILocator Navigation => Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

    public async Task InitializeAsync()
    {
        Context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.BaseUrl, Locale = "en-GB", TimezoneId = "UTC" });
        Context.SetDefaultTimeout((float)PageExtensions.Timeout.TotalMilliseconds);
        Problems.Watch(Context);
        Context.Dialog += async (_, dialog) =>
        {
            lock (_dialogs)
            {
                _dialogs.Add(dialog.Message);
            }

            await dialog.AcceptAsync();
        };
        Page = await Context.NewPageAsync();
    }

    public async Task DisposeAsync() => await Context.CloseAsync();

    /// <summary>Runs a test body, then asserts the browser saw no problem; on failure keeps a screenshot.</summary>
    protected async Task RunAsync(Func<Task> test, [CallerMemberName] string name = "")
    {
        try
        {
            await test();
            Problems.AssertNone();
        }
        catch
        {
            await BrowserArtifacts.SaveAsync(Page, $"{GetType().Name}.{name}");
            throw;
        }
    }

    protected Task ClickAndWaitForLoadAsync(ILocator target) => Page.ClickAndWaitForLoadAsync(target);

    /// <summary>Creates a user of <paramref name="role"/> (no password change pending) and signs in as them.</summary>
    protected async Task<string> SignInAsync(string role)
    {
        var userName = await Factory.CreateUserAsync(role);
        await SignInAsync(userName, AuthClients.Password);
        await ExpectConsoleAsync();
        return userName;
    }

    /// <summary>Signs in as the bootstrap administrator.</summary>
    protected async Task SignInAsAdministratorAsync()
    {
        await SignInAsync("admin", LunaPointFactory.AdminPassword);
        await ExpectConsoleAsync();
    }

    /// <summary>Fills and sends the sign-in form; asserts nothing about where it leads.</summary>
    protected async Task SignInAsync(string userName, string password)
    {
        await Page.GotoAsync("/account/sign-in");
        await Page.GetByLabel("User name").FillAsync(userName);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await ClickAndWaitForLoadAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }));
    }

    protected Task SignOutAsync() => ClickAndWaitForLoadAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }));

    /// <summary>Asserts the console's home page is shown to a signed-in user.</summary>
    protected async Task ExpectConsoleAsync()
    {
        await Expect(Page).ToHaveURLAsync(fixture.BaseUrl + "/");
        await Expect(Navigation).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    /// <summary>Opens a console page by path and waits until it has loaded.</summary>
    protected async Task OpenAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        Assert.NotNull(response);
    }

    /// <summary>The absolute URL of a console path, as the browser's address bar shows it.</summary>
    protected string Absolute(string path) => fixture.BaseUrl + path;
}
