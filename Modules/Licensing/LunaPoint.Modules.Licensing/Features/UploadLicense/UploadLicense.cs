using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Licensing.Contracts;
using LunaPoint.Modules.Licensing.Data;
using LunaPoint.Modules.Licensing.Domain;
using LunaPoint.Modules.Licensing.Signing;
using LunaPoint.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Licensing.Features;

internal sealed record UploadLicense(SignedLicense? License) : ICommand<LicenseStatus>;

/// <summary>Verifies a signed licence and puts it in force at once; a rejected one changes nothing.</summary>
internal sealed class UploadLicenseHandler(
    LicensingDbContext db, LicenseState state, LicensingOptions options, ISender sender, IPublisher publisher, TimeProvider clock)
    : ICommandHandler<UploadLicense, LicenseStatus>
{
    public async ValueTask<LicenseStatus> Handle(UploadLicense command, CancellationToken cancellationToken)
    {
        var before = await sender.Send(new GetLicenseLimits(), cancellationToken);
        // Verify first: a rejected upload changes nothing and the licence in force stays.
        if (string.IsNullOrWhiteSpace(options.PublicKey))
        {
            throw new ConflictException("license.noPublicKey", "This installation has no licensing public key (LunaPoint:Licensing:PublicKey), so no licence can be verified.");
        }

        var document = LicenseSigner.Verify(command.License, options.PublicKey, clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Licenses.Where(l => l.IsActive).ExecuteUpdateAsync(s => s.SetProperty(l => l.IsActive, false), cancellationToken);
        db.Licenses.Add(new StoredLicense
        {
            Id = Guid.NewGuid(),
            Document = command.License!.Document,
            Signature = command.License.Signature,
            Licensee = document.Licensee,
            IssuedAt = document.Issued,
            ExpiresAt = document.Expires,
            UploadedAt = clock.GetUtcNow(),
            IsActive = true,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        state.Replace(document);

        await sender.Send(new RecordAuditEntry(LicensingModule.Name, "license.uploaded", Target: $"licence {document.Licensee}", Before: before, After: state.Current), cancellationToken);
        await publisher.Publish(new LicenseChanged(document.Licensee, document.Expires), cancellationToken);
        return await sender.Send(new GetLicenseStatus(), cancellationToken);
    }
}
