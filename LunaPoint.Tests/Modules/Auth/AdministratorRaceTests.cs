using System.Net;
using System.Net.Http.Json;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.SharedKernel.Data;
using LunaPoint.Tests.Infrastructure;

namespace LunaPoint.Tests.Modules.Auth;

/// <summary>
/// The last-administrator guard under concurrency: two administrators take each other's role (or one
/// disables the other) at the same moment. Exactly one change may win. A host of its own, so there are
/// exactly two administrators.
/// </summary>
public sealed class AdministratorRaceTests
{
    private const int Rounds = 6;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TwoAdministratorsDemotingEachOtherAtOnce_LeaveExactlyOneAdministrator(DatabaseProvider provider)
    {
        await using var factory = await LunaPointFactory.StartAsync(provider, new Dictionary<string, string?> { ["LunaPoint:Auth:SignInPermitsPerMinute"] = "1000" });
        await factory.WaitUntilReadyAsync();
        var second = await factory.CreateUserAsync(Roles.Administrator);
        (string Name, string Password)[] admins = [("admin", LunaPointFactory.AdminPassword), (second, AuthClients.Password)];
        string[] ids;
        using (var admin = await factory.CreateAdminClientAsync())
        {
            ids = [await AuthTestKit.UserIdAsync(admin, "admin"), await AuthTestKit.UserIdAsync(admin, second)];
        }

        for (var round = 0; round < Rounds; round++)
        {
            // Fresh tokens each round: the loser of the last round had its stamp renewed.
            using var a = factory.CreateClientWithToken(await factory.GetTokenAsync(admins[0].Name, admins[0].Password));
            using var b = factory.CreateClientWithToken(await factory.GetTokenAsync(admins[1].Name, admins[1].Password));
            object aBody = new { role = Roles.Viewer };
            object bBody = round % 2 == 0 ? new { role = Roles.Viewer } : new { disabled = true };

            var responses = await Task.WhenAll(
                a.PatchAsJsonAsync($"/api/v1/users/{ids[1]}", aBody),
                b.PatchAsJsonAsync($"/api/v1/users/{ids[0]}", bBody));

            var winner = Assert.Single(Enumerable.Range(0, 2), i => responses[i].StatusCode == HttpStatusCode.OK);
            var loser = responses[1 - winner];
            // The loser is refused by the guard, or, when its request arrived after the winner's change was
            // committed, its token no longer counts (the winner took its role). Never a second 200.
            if (loser.StatusCode == HttpStatusCode.Conflict)
            {
                Assert.Equal("user.lastAdministrator", (await AuthTestKit.Json(loser)).GetProperty("code").GetString());
            }
            else
            {
                Assert.Equal(HttpStatusCode.Unauthorized, loser.StatusCode);
            }

            var survivor = winner == 0 ? a : b;
            var users = (await AuthTestKit.Json(await survivor.GetAsync("/api/v1/users?pageSize=500"))).GetProperty("items").EnumerateArray().ToList();
            var active = users.Where(u => u.GetProperty("role").GetString() == Roles.Administrator && !u.GetProperty("disabled").GetBoolean()).ToList();
            Assert.Equal(ids[winner], Assert.Single(active).GetProperty("id").GetString());

            // Put the other back for the next round.
            using var restored = await survivor.PatchAsJsonAsync($"/api/v1/users/{ids[1 - winner]}", new { role = Roles.Administrator, disabled = false });
            Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }
}
