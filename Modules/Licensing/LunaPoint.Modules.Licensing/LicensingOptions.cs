namespace LunaPoint.Modules.Licensing;

internal sealed class LicensingOptions
{
    public const string Section = "LunaPoint:Licensing";

    /// <summary>PEM (SubjectPublicKeyInfo) of the ECDSA P-256 key that licences must be signed with.</summary>
    public string PublicKey { get; set; } = "";

    /// <summary>Warn this many days before expiry.</summary>
    public int WarnDaysBeforeExpiry { get; set; } = 14;

    /// <summary>Warn when fewer than this share of licensed faces remain.</summary>
    public double WarnFacesRemainingShare { get; set; } = 0.15;
}
