namespace LunaPoint.Host.Navigation;

internal sealed record NavigationItem(string Title, string Path, string Icon, bool Available, bool AdministratorsOnly);

/// <summary>
/// The console's navigation. An entry whose page no module has mapped yet is shown disabled rather than
/// linking to a 404; it lights up when the module that owns it maps the page.
/// </summary>
internal sealed class NavigationMenu(EndpointDataSource endpoints)
{
    private static readonly (string Title, string Path, string Icon, bool AdministratorsOnly)[] Entries =
    [
        ("Operator panel", "/", "◉", false),
        ("Events", "/events", "≣", false),
        ("Search", "/search", "⌕", false),
        ("Lists", "/lists", "☰", false),
        ("Streams", "/streams", "▶", false),
        ("Notifications", "/notifications", "✉", false),
        ("Users", "/users", "☺", true),
        ("API keys", "/api-keys", "⌘", true),
        ("Audit log", "/audit", "✎", true),
        ("Licence", "/license", "§", false),
        ("Monitoring", "/monitoring", "♥", false),
    ];

    private IReadOnlyList<NavigationItem>? _items;

    public IReadOnlyList<NavigationItem> Items => _items ??= Build();

    private List<NavigationItem> Build()
    {
        var routes = endpoints.Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").Trim('/'))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Entries.Select(e => new NavigationItem(e.Title, e.Path, e.Icon, routes.Contains(e.Path), e.AdministratorsOnly)).ToList();
    }
}
