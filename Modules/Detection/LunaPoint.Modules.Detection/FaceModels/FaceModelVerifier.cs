using System.Security.Cryptography;

namespace LunaPoint.Modules.Detection.FaceModels;

/// <summary>Checks that every pinned model is present with the pinned SHA-256.</summary>
internal static class FaceModelVerifier
{
    /// <returns>null when all files are good, otherwise one sentence naming what is wrong.</returns>
    public static async Task<string?> FindProblemAsync(string modelsDir, IReadOnlyList<PinnedModel> models, CancellationToken cancellationToken)
    {
        var missing = models.Where(m => !File.Exists(Path.Combine(modelsDir, m.FileName))).Select(m => m.FileName).ToList();
        if (missing.Count > 0)
        {
            return $"face models missing in {modelsDir}: {string.Join(", ", missing)}";
        }

        foreach (var model in models)
        {
            await using var file = File.OpenRead(Path.Combine(modelsDir, model.FileName));
            var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
            if (actual != model.Sha256)
            {
                return $"face model {model.FileName} in {modelsDir} is corrupt or of another version (SHA-256 {actual}, expected {model.Sha256})";
            }
        }

        return null;
    }
}
