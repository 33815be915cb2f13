using LunaPoint.Modules.Licensing.Contracts;
using LunaPoint.Modules.Licensing.Data;
using Mediator;

namespace LunaPoint.Modules.Licensing.Features;

/// <summary>The limits every module enforces (the query is declared in Licensing.Contracts).</summary>
internal sealed class GetLicenseLimitsHandler(LicensingDbContext db, LicenseState state) : IQueryHandler<GetLicenseLimits, LicenseLimits>
{
    public async ValueTask<LicenseLimits> Handle(GetLicenseLimits query, CancellationToken cancellationToken)
    {
        if (!state.IsLoaded)
        {
            await state.LoadAsync(db, cancellationToken);
        }

        return state.Current;
    }
}
