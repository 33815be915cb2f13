namespace LunaPoint.Modules.Licensing.Signing;

/// <summary>
/// <c>dotnet run --project LunaPoint.Host -- license keygen --out DIR</c> and
/// <c>license issue --key private.pem --licensee NAME --expires 2027-12-31 [--max-streams N] [--max-faces N]
/// [--liveness] [--bodies] [--iso-checks] [--large-lists] [--out FILE]</c>: for vendors and tests.
/// </summary>
internal static class LicenseCli
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            return args.ElementAtOrDefault(1) switch
            {
                "keygen" => KeyGen(Options(args, KeyGenOptions), output),
                "issue" => Issue(Options(args, IssueOptions), output),
                _ => Usage(error),
            };
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or IOException or System.Security.Cryptography.CryptographicException)
        {
            error.WriteLine($"license: {ex.Message}");
            return 2;
        }
    }

    private static int KeyGen(Dictionary<string, string> options, TextWriter output)
    {
        var dir = options.GetValueOrDefault("out", ".");
        Directory.CreateDirectory(dir);
        var (privatePem, publicPem) = LicenseSigner.CreateKeyPair();
        var privatePath = Path.Combine(dir, "licensing-private.pem");
        File.WriteAllText(privatePath, privatePem);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(privatePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.WriteAllText(Path.Combine(dir, "licensing-public.pem"), publicPem);
        output.WriteLine($"wrote {privatePath} (keep it secret) and {Path.Combine(dir, "licensing-public.pem")} (goes into LunaPoint:Licensing:PublicKey)");
        return 0;
    }

    private static int Issue(Dictionary<string, string> options, TextWriter output)
    {
        var key = File.ReadAllText(Required(options, "key"));
        var document = new LicenseDocument(
            Required(options, "licensee"),
            DateTimeOffset.UtcNow,
            DateTimeOffset.Parse(Required(options, "expires"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal),
            int.Parse(options.GetValueOrDefault("max-streams", "4"), System.Globalization.CultureInfo.InvariantCulture),
            long.Parse(options.GetValueOrDefault("max-faces", "10000"), System.Globalization.CultureInfo.InvariantCulture),
            options.ContainsKey("liveness"),
            options.ContainsKey("bodies"),
            options.ContainsKey("iso-checks"),
            options.ContainsKey("large-lists"));
        var json = System.Text.Json.JsonSerializer.Serialize(LicenseSigner.Sign(document, key), SignedLicense.Json);
        if (options.TryGetValue("out", out var path))
        {
            File.WriteAllText(path, json);
            output.WriteLine($"wrote {path}");
        }
        else
        {
            output.WriteLine(json);
        }

        return 0;
    }

    private static readonly string[] KeyGenOptions = ["out"];
    private static readonly string[] IssueOptions = ["key", "licensee", "expires", "max-streams", "max-faces", "liveness", "bodies", "iso-checks", "large-lists", "out"];

    /// <summary>Reads <c>--name [value]</c> pairs; an unknown name is an error (a misspelt <c>--iso</c> must not issue a licence without the feature).</summary>
    private static Dictionary<string, string> Options(string[] args, string[] known)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 2; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }

            var name = args[i][2..];
            if (!known.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"unknown option '--{name}'; known: {string.Join(", ", known.Select(k => "--" + k))}");
            }

            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            options[name] = hasValue ? args[++i] : "true";
        }

        return options;
    }

    private static string Required(Dictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required");

    private static int Usage(TextWriter error)
    {
        error.WriteLine("usage: license keygen --out DIR");
        error.WriteLine("       license issue --key private.pem --licensee NAME --expires YYYY-MM-DD [--max-streams N] [--max-faces N] [--liveness] [--bodies] [--iso-checks] [--large-lists] [--out FILE]");
        return 2;
    }
}
