using System.Security.Cryptography;
using System.Text;

namespace LunaPoint.Modules.Auth.Authentication;

/// <summary>
/// API keys look like <c>lp_&lt;prefix&gt;_&lt;secret&gt;</c>. The prefix finds the row; only a SHA-256 of
/// the secret is stored, compared in constant time. A 256-bit random secret needs no slow hash.
/// </summary>
internal static class ApiKeySecret
{
    private const int PrefixLength = 10;

    public static (string Key, string Prefix, byte[] Hash) Create()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(PrefixLength / 2));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return ($"lp_{prefix}_{secret}", prefix, Hash(secret));
    }

    public static bool TryParse(string key, out string prefix, out string secret)
    {
        prefix = secret = "";
        var parts = key.Trim().Split('_', 3);
        if (parts.Length != 3 || parts[0] != "lp" || parts[1].Length != PrefixLength || parts[2].Length is < 20 or > 100)
        {
            return false;
        }

        (prefix, secret) = (parts[1], parts[2]);
        return true;
    }

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static bool Matches(string secret, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(secret), storedHash);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
