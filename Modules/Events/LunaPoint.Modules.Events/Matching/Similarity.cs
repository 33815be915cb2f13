namespace LunaPoint.Modules.Events.Matching;

/// <summary>
/// The 0..1 similarity users see and set thresholds in, from the cosine of two unit descriptors. A
/// logistic curve centred between the measured same-person and different-person cosines, so that
/// strangers read near 0, the same person near 1, and the mapping is strictly increasing (ranks by
/// similarity equal ranks by cosine). docs/matching.md shows the measured distributions.
/// </summary>
internal static class Similarity
{
    /// <summary>The cosine that maps to 0.5.</summary>
    public const double Centre = 0.40;

    /// <summary>Steepness of the curve.</summary>
    public const double Slope = 12.0;

    /// <summary>The threshold a new list gets when none is given.</summary>
    public const double DefaultThreshold = 0.80;

    public static double FromCosine(double cosine) =>
        1.0 / (1.0 + Math.Exp(-Slope * (Math.Clamp(cosine, -1.0, 1.0) - Centre)));

    /// <summary>The cosine at which <see cref="FromCosine"/> gives <paramref name="similarity"/>; the matcher scans by cosine.</summary>
    public static double ToCosine(double similarity)
    {
        if (similarity <= 0)
        {
            return -1.0;
        }

        if (similarity >= 1)
        {
            return 1.0;
        }

        return Math.Clamp(Centre - (Math.Log((1.0 / similarity) - 1.0) / Slope), -1.0, 1.0);
    }

    /// <summary>Rounded for answers: four decimals are more than the measure can tell.</summary>
    public static double Round(double similarity) => Math.Round(similarity, 4);
}
