using System.Net;
using System.Net.Http.Json;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Notifications.Data;
using LunaPoint.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Tests.Modules.Notifications.Channels;

public abstract class SmtpSettingsApiTests(ChannelsHost host)
{
    private const string Password = "Very-Secret-Smtp-Pass-42";
    private const string Path = "/api/v1/notifications/smtp";

    [Fact]
    public async Task Put_WithPassword_StoresItEncryptedAndNeverReturnsIt_EmptyPasswordKeepsIt()
    {
        try
        {
            using var saved = await host.Admin.PutAsJsonAsync(Path, Settings(password: Password));
            var savedText = await saved.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.DoesNotContain(Password, savedText);
            var stored = await StoredPasswordAsync();
            Assert.False(string.IsNullOrEmpty(stored));
            Assert.DoesNotContain(Password, stored);

            using var kept = await host.Admin.PutAsJsonAsync(Path, Settings(password: ""));
            Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
            Assert.Equal(stored, await StoredPasswordAsync());

            using var read = await host.Admin.GetAsync(Path);
            var text = await read.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.DoesNotContain(Password, text);
            var body = await ChannelsHost.BodyAsync(read);
            Assert.True(body.GetProperty("hasPassword").GetBoolean());
            Assert.Equal("smtp-user", body.GetProperty("userName").GetString());
            Assert.Equal("console", body.GetProperty("source").GetString());
            Assert.False(body.TryGetProperty("password", out _));
        }
        finally
        {
            await host.UseLoopbackSmtpAsync();
        }
    }

    [Fact]
    public async Task Put_InvalidFields_Returns400NamingEachField()
    {
        using var response = await host.Admin.PutAsJsonAsync(Path,
            new { host = "smtp://mail.example.com", port = 0, security = "Tls", userName = "u", password = "", from = "not an address" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ChannelsHost.BodyAsync(response)).GetProperty("errors");
        var names = errors.EnumerateObject().Select(p => p.Name.ToLowerInvariant()).ToList();
        Assert.Contains("host", names);
        Assert.Contains("port", names);
        Assert.Contains("security", names);
        Assert.Contains("from", names);
    }

    [Fact]
    public async Task SmtpSettings_AsOperator_Return403()
    {
        using var operatorClient = await host.Factory.CreateClientAsAsync(Roles.Operator);

        using var get = await operatorClient.GetAsync(Path);
        using var put = await operatorClient.PutAsJsonAsync(Path, Settings(password: Password));
        using var test = await operatorClient.PostAsJsonAsync($"{Path}/test", new { to = "someone@example.com" });

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, test.StatusCode);
    }

    [Fact]
    public async Task TestEmail_ThroughLoopbackServer_Returns200AndTheMailArrives()
    {
        await host.UseLoopbackSmtpAsync();
        var to = $"admin-{Guid.NewGuid():N}@example.com";

        using var response = await host.Admin.PostAsJsonAsync($"{Path}/test", new { to });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = (await host.Smtp.WaitForAsync(1)).Single(m => m.To.Mailboxes.Any(b => b.Address == to));
        Assert.Equal("LunaPoint test e-mail", message.Subject);
    }

    [Fact]
    public async Task TestEmail_ClosedPort_Returns502SayingWhyWithoutThePassword()
    {
        var closed = LoopbackSmtpServer.FreePort();
        try
        {
            using var saved = await host.Admin.PutAsJsonAsync(Path, Settings(password: Password, port: closed));
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

            using var response = await host.Admin.PostAsJsonAsync($"{Path}/test", new { to = "someone@example.com" });

            var text = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains($"127.0.0.1:{closed}", text);
            // Short and code-free: refused, filtered and closed ports read the same (no port-scanner oracle).
            Assert.Contains("Could not connect", text);
            Assert.DoesNotContain("ConnectionRefused", text);
            Assert.DoesNotContain(Password, text);
            Assert.DoesNotContain(host.Factory.Logs.Lines, l => l.Message.Contains(Password) || (l.Exception?.ToString().Contains(Password) ?? false));
        }
        finally
        {
            await host.UseLoopbackSmtpAsync();
        }
    }

    [Fact]
    public async Task Put_OtherServerOrUserWithoutPassword_Returns400NamingPassword_TheStoredPasswordIsNotCarriedOver()
    {
        try
        {
            using var saved = await host.Admin.PutAsJsonAsync(Path, Settings(password: Password));
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            var stored = await StoredPasswordAsync();

            // Each change would send the kept password to a server the password was not given for.
            object[] moved =
            [
                Settings(password: "", port: LoopbackSmtpServer.FreePort()),
                new { host = "localhost", port = host.Smtp.Port, security = "None", userName = "smtp-user", password = "", from = ChannelsHost.From },
                new { host = "127.0.0.1", port = host.Smtp.Port, security = "StartTls", userName = "smtp-user", password = "", from = ChannelsHost.From },
                new { host = "127.0.0.1", port = host.Smtp.Port, security = "None", userName = "other-user", password = "", from = ChannelsHost.From },
            ];
            foreach (var settings in moved)
            {
                using var response = await host.Admin.PutAsJsonAsync(Path, settings);
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                Assert.Equal(["password"], await FieldNamesAsync(response));
                Assert.Equal(stored, await StoredPasswordAsync());
            }

            // Without a user name the password goes; a later login on the same server must give it again.
            using var noLogin = await host.Admin.PutAsJsonAsync(Path, new { host = "127.0.0.1", port = host.Smtp.Port, security = "None", userName = "", password = "", from = ChannelsHost.From });
            Assert.Equal(HttpStatusCode.OK, noLogin.StatusCode);
            Assert.False((await ChannelsHost.BodyAsync(noLogin)).GetProperty("hasPassword").GetBoolean());
            using var loginAgain = await host.Admin.PutAsJsonAsync(Path, Settings(password: ""));
            Assert.Equal(HttpStatusCode.BadRequest, loginAgain.StatusCode);
            Assert.Equal(["password"], await FieldNamesAsync(loginAgain));
        }
        finally
        {
            await host.UseLoopbackSmtpAsync();
        }
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("[::]")]
    [InlineData("169.254.169.254")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("255.255.255.255")]
    [InlineData("224.0.0.1")]
    public async Task Put_UnusableOrDeniedHost_Returns400NamingHost(string address)
    {
        using var response = await host.Admin.PutAsJsonAsync(Path,
            new { host = address, port = 25, security = "None", userName = "", password = "", from = ChannelsHost.From });

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["host"], await FieldNamesAsync(response));
        Assert.DoesNotContain(" at ", text);
    }

    [Fact]
    public async Task Put_UnknownPropertyOrPasswordWithoutUserName_Returns400NamingIt()
    {
        using var timeout = await host.Admin.PutAsJsonAsync(Path,
            new { host = "127.0.0.1", port = host.Smtp.Port, security = "None", userName = "", password = "", from = ChannelsHost.From, timeoutSeconds = 30 });
        using var password = await host.Admin.PutAsJsonAsync(Path,
            new { host = "127.0.0.1", port = host.Smtp.Port, security = "None", userName = "", password = Password, from = ChannelsHost.From });

        Assert.Equal(HttpStatusCode.BadRequest, timeout.StatusCode);
        Assert.Equal(["timeoutseconds"], await FieldNamesAsync(timeout));
        Assert.Equal(HttpStatusCode.BadRequest, password.StatusCode);
        Assert.Equal(["password"], await FieldNamesAsync(password));
        Assert.DoesNotContain(Password, await password.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TestEmail_InvalidAddress_Returns400NamingTo()
    {
        using var response = await host.Admin.PostAsJsonAsync($"{Path}/test", new { to = "nobody" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ChannelsHost.BodyAsync(response)).GetProperty("errors");
        Assert.Contains("to", errors.EnumerateObject().Select(p => p.Name.ToLowerInvariant()));
    }

    private object Settings(string password, int? port = null) =>
        new { host = "127.0.0.1", port = port ?? host.Smtp.Port, security = "None", userName = "smtp-user", password, from = ChannelsHost.From };

    private static async Task<List<string>> FieldNamesAsync(HttpResponseMessage response) =>
        (await ChannelsHost.BodyAsync(response)).GetProperty("errors").EnumerateObject().Select(p => p.Name.ToLowerInvariant()).ToList();

    private async Task<string?> StoredPasswordAsync()
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        return (await db.SmtpSettings.AsNoTracking().SingleAsync()).ProtectedPassword;
    }
}

[Collection(PostgresChannelsCollection.Name)]
public sealed class PostgresSmtpSettingsApiTests(PostgresChannelsHost host) : SmtpSettingsApiTests(host);

[Collection(SqliteChannelsCollection.Name)]
public sealed class SqliteSmtpSettingsApiTests(SqliteChannelsHost host) : SmtpSettingsApiTests(host);
