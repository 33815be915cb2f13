using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;
using LunaPoint.Modules.Detection.Contracts;

namespace LunaPoint.Modules.Detection.Features;

/// <summary>The photo API's <c>estimate=</c>: names separated by commas and/or the parameter repeated, trimmed, any case.</summary>
internal static partial class EstimateQuery
{
    public const string Field = "estimate";

    public static readonly IReadOnlyDictionary<string, FaceEstimateKinds> Names = new Dictionary<string, FaceEstimateKinds>(StringComparer.OrdinalIgnoreCase)
    {
        ["liveness"] = FaceEstimateKinds.Liveness,
        ["attributes"] = FaceEstimateKinds.Attributes,
        ["pose"] = FaceEstimateKinds.Pose,
        ["eyes"] = FaceEstimateKinds.Eyes,
        ["iso"] = FaceEstimateKinds.Iso,
    };

    private static readonly string Allowed = string.Join(", ", Names.Keys);

    /// <exception cref="ValidationException">An empty item or an unknown name (named only when it is a plain short word).</exception>
    public static FaceEstimateKinds Parse(string[]? values)
    {
        var kinds = FaceEstimateKinds.None;
        foreach (var value in values ?? [])
        {
            foreach (var item in (value ?? "").Split(','))
            {
                var name = item.Trim();
                if (name.Length == 0)
                {
                    throw Refuse($"estimate has an empty item; allowed: {Allowed}.");
                }

                kinds |= Names.TryGetValue(name, out var kind)
                    ? kind
                    : throw Refuse(PlainWord().IsMatch(name) ? $"Unknown estimate '{name}'; allowed: {Allowed}." : $"Unknown estimate; allowed: {Allowed}.");
            }
        }

        return kinds;
    }

    private static ValidationException Refuse(string message) => new([new ValidationFailure(Field, message)]);

    // Only a short plain word is echoed back: anything else could carry markup or a probe.
    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex PlainWord();
}
