using System.Security.Cryptography;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Auth.Data;
using LunaPoint.Modules.Auth.Domain;
using LunaPoint.SharedKernel.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace LunaPoint.Modules.Auth.Bootstrap;

/// <summary>
/// First start: the three roles, and when no user exists an <c>admin</c> with the password from
/// <c>LunaPoint:AdminPassword</c>, or a generated one that is logged once and must be changed at first
/// sign-in.
/// </summary>
/// <remarks>
/// A failure (the database dropped mid-way) is retried with backoff by the shared loop; each step checks
/// what exists first, so a retry after a partial run finishes the job instead of failing on duplicates.
/// </remarks>
internal sealed partial class AdminBootstrapper(
    BackgroundWork work,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<AdminBootstrapper> logger) : ResilientBackgroundService(work), IHealthCheck
{
    public const string AdminUserName = "admin";

    private volatile bool _done;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_done ? HealthCheckResult.Healthy("roles and first administrator in place") : HealthCheckResult.Unhealthy("creating roles and the first administrator"));

    protected override string Name => "Auth bootstrap (roles and first administrator)";

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var roles = services.GetRequiredService<RoleManager<Role>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                ThrowIfFailed(await roles.CreateAsync(new Role { Name = role }), $"creating role {role}");
            }
        }

        var users = services.GetRequiredService<UserManager<User>>();
        _done = await users.Users.AnyAsync(cancellationToken) || await CreateFirstAdministratorAsync(users);
    }

    private static void ThrowIfFailed(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{what} failed: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    private async Task<bool> CreateFirstAdministratorAsync(UserManager<User> users)
    {
        var configured = configuration["LunaPoint:AdminPassword"];
        var password = string.IsNullOrEmpty(configured) ? GeneratePassword() : configured;
        var admin = new User { UserName = AdminUserName, DisplayName = "Administrator", MustChangePassword = string.IsNullOrEmpty(configured), CreatedAt = clock.GetUtcNow() };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
        {
            LogRejected(string.Join(" ", created.Errors.Select(e => e.Description)));
            return false;
        }

        ThrowIfFailed(await users.AddToRoleAsync(admin, Roles.Administrator), "giving the first administrator its role");
        if (string.IsNullOrEmpty(configured))
        {
            LogGenerated(AdminUserName, password);
        }
        else
        {
            LogConfigured(AdminUserName);
        }

        return true;
    }

    private static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(20, alphabet, (span, chars) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = chars[RandomNumberGenerator.GetInt32(chars.Length)];
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "First start: created administrator '{UserName}' with the one-time password {Password} . It must be changed at first sign-in and is not shown again.")]
    private partial void LogGenerated(string userName, string password);

    [LoggerMessage(Level = LogLevel.Information, Message = "First start: created administrator '{UserName}' with the password from LunaPoint:AdminPassword")]
    private partial void LogConfigured(string userName);

    [LoggerMessage(Level = LogLevel.Error, Message = "First start: LunaPoint:AdminPassword was refused by the password policy: {Errors} Set a longer one and restart.")]
    private partial void LogRejected(string errors);
}
