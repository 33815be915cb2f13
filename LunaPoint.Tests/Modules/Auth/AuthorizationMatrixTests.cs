using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace LunaPoint.Tests.Modules.Auth;

/// <summary>
/// Every endpoint the host maps, read from its endpoint data source (so endpoints added by later steps
/// are covered without editing this file), called for real as anonymous, Viewer, Operator and
/// Administrator. Only the short list below may be open to anonymous callers.
/// </summary>
public abstract partial class AuthorizationMatrixTests(HostFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>The only routes open without signing in. Adding one here is a security decision.</summary>
    private static readonly string[] AnonymousAllowList =
    [
        "/health/live", "/health/ready",
        "/openapi/{documentName}.json",
        "/scalar/{documentName?}", "/scalar/scalar.js", "/scalar/scalar.aspnetcore.js", "/scalar/favicon.svg",
        "/api/v1/auth/token", "/api/v1/auth/change-password",
        "/account/sign-in", "/status/{code:int}",
    ];

    /// <summary>Self-service pages a Viewer may POST to (own password, sign-out), the photo API, search and verify (they change nothing).</summary>
    private static readonly string[] ViewerMayChange = ["/account/change-password", "/account/sign-out", "/api/v1/detections", "/api/v1/search", "/api/v1/verify", "/search"];

    /// <summary>
    /// What must be for administrators only, written out here rather than read from the endpoints'
    /// metadata (which is what the code under test sets). Operators and viewers must get 403 on each.
    /// </summary>
    private static readonly (string Method, string Route)[] AdministratorOnly =
    [
        ("GET", "/api/v1/users"), ("POST", "/api/v1/users"), ("GET", "/api/v1/users/{id:guid}"), ("PATCH", "/api/v1/users/{id:guid}"),
        ("GET", "/api/v1/api-keys"), ("POST", "/api/v1/api-keys"), ("DELETE", "/api/v1/api-keys/{id:guid}"),
        ("GET", "/api/v1/audit"),
        ("PUT", "/api/v1/license"),
        ("POST", "/api/v1/streams"), ("PUT", "/api/v1/streams/{id:guid}"), ("PATCH", "/api/v1/streams/{id:guid}"), ("DELETE", "/api/v1/streams/{id:guid}"),
        ("POST", "/api/v1/streams/import"), ("GET", "/api/v1/streams/export"),
        ("GET", "/users"), ("POST", "/users"), ("GET", "/api-keys"), ("POST", "/api-keys"), ("GET", "/audit"),
    ];

    private HttpClient _anonymous = null!;
    private HttpClient _viewer = null!;
    private HttpClient _operator = null!;
    private HttpClient _administrator = null!;

    public async Task InitializeAsync()
    {
        _anonymous = fixture.Factory.CreateAnonymousClient();
        _viewer = await fixture.Factory.CreateClientAsAsync(Roles.Viewer);
        _operator = await fixture.Factory.CreateClientAsAsync(Roles.Operator);
        _administrator = await fixture.Factory.CreateClientAsAsync(Roles.Administrator);
    }

    public Task DisposeAsync()
    {
        foreach (var client in new[] { _anonymous, _viewer, _operator, _administrator })
        {
            client.Dispose();
        }

        return Task.CompletedTask;
    }

    [Fact]
    public void OnlyTheAllowListIsOpenToAnonymousCallers()
    {
        var open = Endpoints().Where(e => e.Anonymous && !e.IsStaticAsset).Select(e => e.Route).Distinct().Order().ToList();

        output.WriteLine(string.Join(Environment.NewLine, open));
        Assert.All(open, route => Assert.Contains(route, AnonymousAllowList));
    }

    [Fact]
    public async Task AdministratorOnlyRoutes_RefuseOperatorsAndViewers()
    {
        var mapped = Endpoints().ToList();
        var failures = new List<string>();

        foreach (var (method, route) in AdministratorOnly)
        {
            // The list must not rot: each entry is a route the host really maps for that method.
            var endpoint = mapped.FirstOrDefault(e => e.Route == route && e.Method == method);
            if (endpoint is null)
            {
                failures.Add($"{method} {route} is not mapped");
                continue;
            }

            Check(failures, endpoint, "viewer", await SendAsync(_viewer, endpoint), refused: true);
            Check(failures, endpoint, "operator", await SendAsync(_operator, endpoint), refused: true);
            Check(failures, endpoint, "administrator", await SendAsync(_administrator, endpoint), refused: false);
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task EveryEndpoint_AnswersEachRoleAsTheRulesSay()
    {
        var endpoints = Endpoints().Where(e => !e.Anonymous).ToList();
        Assert.True(endpoints.Count >= 15, $"only {endpoints.Count} protected endpoints found");
        var failures = new List<string>();

        foreach (var endpoint in endpoints)
        {
            var anonymous = await SendAsync(_anonymous, endpoint);
            var expectAnonymous = endpoint.IsApi ? "401" : "302 to sign-in";
            if (!(endpoint.IsApi ? anonymous.Status == 401 && anonymous.IsProblem : anonymous.Status == 302 && anonymous.Location.Contains("/account/sign-in")))
            {
                failures.Add($"{endpoint} anonymous: {anonymous} (expected {expectAnonymous})");
            }

            var viewerRefused = endpoint.AdministratorsOnly || endpoint.OperatorsOnly
                || (endpoint.Method is not ("GET" or "HEAD") && !ViewerMayChange.Contains(endpoint.Route));
            Check(failures, endpoint, "viewer", await SendAsync(_viewer, endpoint), viewerRefused);
            Check(failures, endpoint, "operator", await SendAsync(_operator, endpoint), endpoint.AdministratorsOnly);
            Check(failures, endpoint, "administrator", await SendAsync(_administrator, endpoint), refused: false);
        }

        output.WriteLine($"{endpoints.Count} protected endpoint/method pairs checked");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static void Check(List<string> failures, ProtectedEndpoint endpoint, string who, Answer answer, bool refused)
    {
        if (refused && answer.Status != 403)
        {
            failures.Add($"{endpoint} {who}: {answer} (expected 403)");
        }
        else if (!refused && (answer.Status is 401 or 403 || answer.Status >= 500 || answer.Location.Contains("/account/sign-in")))
        {
            failures.Add($"{endpoint} {who}: {answer} (expected to be let through, and never a 5xx)");
        }
    }

    private static async Task<Answer> SendAsync(HttpClient client, ProtectedEndpoint endpoint)
    {
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Url);
        if (endpoint.Method is not ("GET" or "DELETE"))
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        return new Answer(
            (int)response.StatusCode,
            response.Headers.Location?.ToString() ?? "",
            response.Content.Headers.ContentType?.MediaType == "application/problem+json");
    }

    private IEnumerable<ProtectedEndpoint> Endpoints()
    {
        var source = fixture.Factory.Services.GetRequiredService<EndpointDataSource>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
            var isPage = endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null;
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? (isPage ? ["GET", "POST"] : ["GET"]);
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            foreach (var method in methods)
            {
                yield return new ProtectedEndpoint(
                    route,
                    method,
                    Url: RouteParameter().Replace(route, m => m.Value.Contains("guid") ? Guid.NewGuid().ToString() : m.Value.Contains("int") ? "404" : "x"),
                    Anonymous: endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                    IsStaticAsset: endpoint.Metadata.Any(m => m.GetType().Name.StartsWith("StaticAsset", StringComparison.Ordinal)),
                    IsApi: route.StartsWith("/api/", StringComparison.Ordinal),
                    AdministratorsOnly: policies.Contains(AuthorizationPolicies.Administer),
                    OperatorsOnly: policies.Contains(AuthorizationPolicies.Operate));
            }
        }
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    private sealed record ProtectedEndpoint(string Route, string Method, string Url, bool Anonymous, bool IsStaticAsset, bool IsApi, bool AdministratorsOnly, bool OperatorsOnly)
    {
        public override string ToString() => $"{Method} {Route}";
    }

    private sealed record Answer(int Status, string Location, bool IsProblem)
    {
        public override string ToString() => $"{Status}{(Location.Length > 0 ? " -> " + Location : "")}";
    }
}

[Collection(PostgresCollection.Name)]
public sealed class AuthorizationMatrixTestsOnPostgres(PostgresHostFixture fixture, ITestOutputHelper output) : AuthorizationMatrixTests(fixture, output);

[Collection(SqliteCollection.Name)]
public sealed class AuthorizationMatrixTestsOnSqlite(SqliteHostFixture fixture, ITestOutputHelper output) : AuthorizationMatrixTests(fixture, output);
