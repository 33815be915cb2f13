using System.Net;
using LunaPoint.SharedKernel.Data;
using LunaPoint.Tests.Infrastructure;

namespace LunaPoint.Tests.Modules.Auth;

/// <summary>The sign-in limit counts attempts (POST), never page loads. A host of its own, with a limit of 3.</summary>
public sealed class SignInRateLimitTests
{
    private const int Limit = 3;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task LoadingTheSignInPage_IsNotCounted_AttemptsAre(DatabaseProvider provider)
    {
        await using var factory = await LunaPointFactory.StartAsync(provider, new Dictionary<string, string?> { ["LunaPoint:Auth:SignInPermitsPerMinute"] = Limit.ToString() });
        await factory.WaitUntilReadyAsync();
        using var client = factory.CreateAnonymousClient();

        // Many more page loads than the limit: every one is served.
        for (var i = 0; i < Limit * 5; i++)
        {
            using var page = await client.GetAsync("/account/sign-in");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        // The attempts still have their full allowance, and the one past it is refused ...
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= Limit; i++)
        {
            using var response = await client.RequestTokenAsync("someone", "some-password-1");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, Limit), HttpStatusCode.TooManyRequests], statuses);
        using var formPost = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "someone", ["Password"] = "x" }));
        Assert.Equal(HttpStatusCode.TooManyRequests, formPost.StatusCode);

        // ... while the page itself still opens, so the person can try again after the minute.
        using var after = await client.GetAsync("/account/sign-in");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }
}
