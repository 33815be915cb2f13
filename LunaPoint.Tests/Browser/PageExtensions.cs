using Microsoft.Playwright;

namespace LunaPoint.Tests.Browser;

public static class PageExtensions
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Does <paramref name="action"/> (a click, a submit) and waits for the load event of the page it leads
    /// to. Waiting for the event, not for a URL, also works when the page reloads itself (a POST that
    /// redirects back), and no later step interrupts the page's own requests.
    /// </summary>
    public static async Task AndWaitForLoadAsync(this IPage page, Func<Task> action)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage loadedPage) => loaded.TrySetResult();
        page.Load += OnLoad;
        try
        {
            await action();
            await loaded.Task.WaitAsync(Timeout);
        }
        finally
        {
            page.Load -= OnLoad;
        }
    }

    public static Task ClickAndWaitForLoadAsync(this IPage page, ILocator target) => page.AndWaitForLoadAsync(() => target.ClickAsync());
}
