using System.Security.Cryptography;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;

namespace LunaPoint.Modules.Licensing.Signing;

/// <summary>Signs licences (vendor side, the CLI) and verifies them (every installation).</summary>
internal static class LicenseSigner
{
    public static SignedLicense Sign(LicenseDocument document, string privateKeyPem)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(privateKeyPem);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(document, SignedLicense.Json);
        var signature = key.SignData(bytes, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return new SignedLicense(Convert.ToBase64String(bytes), Convert.ToBase64String(signature));
    }

    /// <summary>Returns the document when the signature holds and the licence is in date; otherwise a 400 naming why.</summary>
    public static LicenseDocument Verify(SignedLicense? license, string publicKeyPem, DateTimeOffset now)
    {
        if (license is null || string.IsNullOrWhiteSpace(license.Document) || string.IsNullOrWhiteSpace(license.Signature))
        {
            throw Invalid("document", "The licence must be a JSON object with 'document' and 'signature'.");
        }

        byte[] bytes, signature;
        try
        {
            bytes = Convert.FromBase64String(license.Document);
            signature = Convert.FromBase64String(license.Signature);
        }
        catch (FormatException)
        {
            throw Invalid("document", "'document' and 'signature' must be base64.");
        }

        using var key = ECDsa.Create();
        key.ImportFromPem(publicKeyPem);
        if (!key.VerifyData(bytes, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
        {
            throw Invalid("signature", "The signature does not verify with this installation's licensing key: the licence was altered or issued for another key.");
        }

        LicenseDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<LicenseDocument>(bytes, SignedLicense.Json);
        }
        catch (JsonException ex)
        {
            throw Invalid("document", $"The signed document is not a valid licence: {ex.Message}");
        }

        if (document is null || string.IsNullOrWhiteSpace(document.Licensee) || document.MaxStreams < 0 || document.MaxFacesWithDescriptors < 0)
        {
            throw Invalid("document", "The signed document lacks a licensee or has negative limits.");
        }

        if (document.Expires <= now)
        {
            throw Invalid("document.expires", $"The licence expired on {document.Expires:yyyy-MM-dd}.");
        }

        return document;
    }

    public static (string PrivatePem, string PublicPem) CreateKeyPair()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return (key.ExportPkcs8PrivateKeyPem(), key.ExportSubjectPublicKeyInfoPem());
    }

    private static ValidationException Invalid(string field, string message) =>
        new($"The licence was rejected: {message}", [new ValidationFailure(field, message)]);
}
