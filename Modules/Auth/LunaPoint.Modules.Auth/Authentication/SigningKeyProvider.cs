using System.Security.Cryptography;
using LunaPoint.SharedKernel.Data;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace LunaPoint.Modules.Auth.Authentication;

/// <summary>
/// The HMAC key that signs access tokens: from settings when given, otherwise generated once and kept
/// (owner-only) in the data directory so tokens survive a restart.
/// </summary>
internal sealed partial class SigningKeyProvider
{
    public SigningKeyProvider(AuthOptions options, DatabaseSettings database, ILogger<SigningKeyProvider> logger)
    {
        byte[] key;
        if (!string.IsNullOrWhiteSpace(options.JwtSigningKey))
        {
            key = Convert.FromBase64String(options.JwtSigningKey);
            if (key.Length < 32)
            {
                throw new InvalidOperationException("LunaPoint:Auth:JwtSigningKey must be base64 of at least 32 bytes.");
            }
        }
        else
        {
            var path = Path.Combine(database.DataDir, "keys", "jwt-signing.key");
            if (File.Exists(path))
            {
                key = Convert.FromBase64String(File.ReadAllText(path).Trim());
            }
            else
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                key = RandomNumberGenerator.GetBytes(64);
                File.WriteAllText(path, Convert.ToBase64String(key));
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
                LogGenerated(logger, path);
            }
        }

        Key = new SymmetricSecurityKey(key) { KeyId = Convert.ToHexStringLower(SHA256.HashData(key))[..16] };
    }

    public SymmetricSecurityKey Key { get; }

    [LoggerMessage(Level = LogLevel.Information, Message = "Generated the access-token signing key in {Path}")]
    private static partial void LogGenerated(ILogger logger, string path);
}
