using LunaPoint.SharedKernel.Data;
using LunaPoint.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace LunaPoint.Tests.Platform;

/// <summary>
/// A first start on an empty database and data folder is quiet: no error, and none of the warnings that
/// used to appear (EF probing absent history tables, readiness probes while starting, data protection's
/// missing XML encryptor). The key folder is the service user's alone.
/// </summary>
public abstract class CleanStartTests(DatabaseProvider provider)
{
    private static readonly string[] QuietCategories =
    [
        "Microsoft.EntityFrameworkCore",
        "Microsoft.Extensions.Diagnostics.HealthChecks",
        "Microsoft.AspNetCore.DataProtection",
    ];

    [Fact]
    public async Task FirstStart_OnAFreshDataDir_LogsNoErrors_AndKeepsKeysPrivate()
    {
        await using var factory = await LunaPointFactory.StartAsync(provider);
        await factory.WaitUntilReadyAsync();
        // A signed-in request uses the data-protection key ring (created on first use).
        using var admin = await factory.CreateAdminClientAsync();
        using var signIn = await factory.CreateAnonymousClient().GetAsync("/Account/SignIn");

        var lines = factory.Logs.Lines;
        Assert.DoesNotContain(lines, l => l.Level >= LogLevel.Error);
        Assert.DoesNotContain(lines, l => l.Level == LogLevel.Warning && QuietCategories.Any(c => l.Category.StartsWith(c, StringComparison.Ordinal)));
        if (!OperatingSystem.IsWindows())
        {
            var keys = Path.Combine(factory.Database.DataDir, "keys");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(keys, "data-protection")));
        }
    }
}

public sealed class CleanStartTestsOnPostgres() : CleanStartTests(DatabaseProvider.Postgres);

public sealed class CleanStartTestsOnSqlite() : CleanStartTests(DatabaseProvider.Sqlite);
