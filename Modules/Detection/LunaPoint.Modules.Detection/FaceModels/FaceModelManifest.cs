namespace LunaPoint.Modules.Detection.FaceModels;

/// <summary>One pinned model file: its name and SHA-256 (lower-case hex).</summary>
internal sealed record PinnedModel(string FileName, string Sha256)
{
    public string Name => Path.GetFileNameWithoutExtension(FileName);
}

/// <summary>
/// The model sums, read from the same <c>face-models.sha256</c> file that scripts/fetch-models.sh
/// checks, so the script and the start-up check cannot disagree.
/// </summary>
internal static class FaceModelManifest
{
    public static IReadOnlyList<PinnedModel> Load()
    {
        using var stream = typeof(FaceModelManifest).Assembly.GetManifestResourceStream("face-models.sha256")
            ?? throw new InvalidOperationException("face-models.sha256 is not embedded in the Detection module.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    public static IReadOnlyList<PinnedModel> Parse(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(parts => new PinnedModel(parts[1].TrimStart('*'), parts[0].ToLowerInvariant()))
            .ToList();
}
