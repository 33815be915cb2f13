using LunaPoint.SharedKernel.Data;
using LunaPoint.SharedKernel.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace LunaPoint.Host;

/// <summary>
/// Services every module relies on, owned by the host so that no module has to be present for another
/// to work: the clock, the background-work loop, data protection, and start-up logging that is quiet
/// when nothing is wrong.
/// </summary>
internal static class HostWideServices
{
    public const string DataProtectionFolder = "data-protection";

    public static void AddHostWideServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddBackgroundWork();
        var settings = DatabaseSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
        // A data folder made by the host is the service user's alone (SQLite files, images, keys); one that
        // exists already (a mounted volume) keeps the mode its owner gave it.
        if (!Directory.Exists(settings.DataDir))
        {
            CreatePrivateFolder(settings.DataDir);
        }

        var keys = CreatePrivateFolder(Path.Combine(settings.DataDir, "keys"));
        var dataProtection = CreatePrivateFolder(Path.Combine(keys, DataProtectionFolder));
        // The key ring (cookies, antiforgery tokens) lives in <DataDir>/keys/data-protection, readable by the
        // service user only (0700). Linux has no DPAPI and the product has no certificate to encrypt with, so
        // the keys are stored unencrypted on purpose and protected by the folder's permissions, like the JWT
        // key beside them. Saying so explicitly also silences the "No XML encryptor configured" warning.
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(dataProtection));
        builder.Services.Configure<KeyManagementOptions>(o => o.XmlEncryptor = new NullXmlEncryptor());

        // The health-check service logs every unhealthy probe at Error: during start-up (migrations,
        // model loading) that is expected, and afterwards the load balancer asks every few seconds. Why a
        // component is not ready is logged once by that component; /health/ready reports it.
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", LogLevel.Critical);
    }

    private static string CreatePrivateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return Directory.CreateDirectory(path).FullName;
        }

        const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        var folder = Directory.CreateDirectory(path, OwnerOnly);
        // An existing folder keeps the mode it was made with; tighten it.
        if (folder.UnixFileMode != OwnerOnly)
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }

        return folder.FullName;
    }
}
