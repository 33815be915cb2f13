using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Events.Contracts;
using LunaPoint.Modules.Licensing.Contracts;
using LunaPoint.Modules.Licensing.Data;
using LunaPoint.Modules.Licensing.Domain;
using LunaPoint.Modules.Licensing.Signing;
using LunaPoint.Modules.Streams.Contracts;
using LunaPoint.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Licensing.Features;

internal sealed record LicenseUsage(int Streams, long FacesWithDescriptors);

internal sealed record LicenseStatus(LicenseLimits License, LicenseUsage Usage, int? DaysToExpiry, IReadOnlyList<string> Warnings);

internal sealed record GetLicenseStatus : IQuery<LicenseStatus>;

internal sealed record UploadLicense(SignedLicense? License) : ICommand<LicenseStatus>;

internal sealed class LicenseHandlers(
    LicensingDbContext db, LicenseState state, LicensingOptions options, ISender sender, IPublisher publisher, TimeProvider clock)
    : IQueryHandler<GetLicenseLimits, LicenseLimits>, IQueryHandler<GetLicenseStatus, LicenseStatus>, ICommandHandler<UploadLicense, LicenseStatus>
{
    public async ValueTask<LicenseLimits> Handle(GetLicenseLimits query, CancellationToken cancellationToken)
    {
        if (!state.IsLoaded)
        {
            await state.LoadAsync(db, cancellationToken);
        }

        return state.Current;
    }

    public async ValueTask<LicenseStatus> Handle(GetLicenseStatus query, CancellationToken cancellationToken)
    {
        var limits = await Handle(new GetLicenseLimits(), cancellationToken);
        var streams = await sender.Send(new GetStreamUsage(), cancellationToken);
        var faces = await sender.Send(new CountFacesWithDescriptors(), cancellationToken);
        var now = clock.GetUtcNow();
        int? days = limits.ExpiresAt is { } expires ? (int)Math.Floor((expires - now).TotalDays) : null;
        var warnings = new List<string>();
        if (limits.IsExpired)
        {
            warnings.Add("The licence has expired: analysis is stopped; data stays readable. Upload a new licence.");
        }
        else if (days <= options.WarnDaysBeforeExpiry)
        {
            warnings.Add($"The licence expires in {days} day(s), on {limits.ExpiresAt:yyyy-MM-dd}.");
        }

        if (limits.MaxFacesWithDescriptors > 0 && limits.MaxFacesWithDescriptors - faces < limits.MaxFacesWithDescriptors * options.WarnFacesRemainingShare)
        {
            warnings.Add($"Only {limits.MaxFacesWithDescriptors - faces} of {limits.MaxFacesWithDescriptors} licensed faces remain.");
        }

        if (streams.Enabled >= limits.MaxStreams)
        {
            warnings.Add($"All {limits.MaxStreams} licensed streams are in use.");
        }

        return new LicenseStatus(limits, new LicenseUsage(streams.Enabled, faces), days, warnings);
    }

    public async ValueTask<LicenseStatus> Handle(UploadLicense command, CancellationToken cancellationToken)
    {
        var before = await Handle(new GetLicenseLimits(), cancellationToken);
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
        return await Handle(new GetLicenseStatus(), cancellationToken);
    }
}
