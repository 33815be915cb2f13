using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Licensing.Contracts;
using LunaPoint.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Events.Enrolment;

/// <summary>
/// The licence's limits on watchlists: <c>maxFacesWithDescriptors</c> over all lists, and
/// <see cref="EnrolmentOptions.LargeListFaces"/> faces per list unless the licence has <c>largeLists</c>.
/// Callers hold <see cref="EnrolmentGate"/> from the check to the commit.
/// </summary>
internal sealed class FaceQuota(EventsDbContext db, FaceCount count, ISender sender, IPublisher publisher, IOptions<EnrolmentOptions> options)
{
    public const string LicenceCode = "license.maxFacesWithDescriptors";
    public const string LargeListsCode = "license.largeLists";

    /// <summary>How many new faces with a descriptor the licence still allows.</summary>
    public async Task<long> LicenceRoomAsync(CancellationToken cancellationToken)
    {
        var limits = await sender.Send(new GetLicenseLimits(), cancellationToken);
        var room = limits.MaxFacesWithDescriptors - (count.Known ?? await RecountAsync(cancellationToken));
        // A remembered count may be high after deletes: count again before saying there is no room.
        return Math.Max(0, room > 0 ? room : limits.MaxFacesWithDescriptors - await RecountAsync(cancellationToken));
    }

    /// <summary>How many more members <paramref name="listId"/> may take (unlimited with largeLists).</summary>
    public async Task<long> ListRoomAsync(Guid listId, CancellationToken cancellationToken)
    {
        var limits = await sender.Send(new GetLicenseLimits(), cancellationToken);
        if (limits.LargeLists && !limits.IsExpired)
        {
            return long.MaxValue;
        }

        var members = await db.ListMembers.LongCountAsync(m => m.ListId == listId, cancellationToken);
        return Math.Max(0, options.Value.FacesPerListWithoutLargeLists - members);
    }

    /// <summary>Refuses (409) when <paramref name="newFaces"/> more faces with a descriptor would pass the licence.</summary>
    public async Task EnsureLicenceAsync(long newFaces, CancellationToken cancellationToken)
    {
        if (newFaces > 0 && await LicenceRoomAsync(cancellationToken) < newFaces)
        {
            var limits = await sender.Send(new GetLicenseLimits(), cancellationToken);
            await RefuseAsync(LicenceCode, $"The licence allows {limits.MaxFacesWithDescriptors} faces with descriptors (maxFacesWithDescriptors) and they are all used: delete faces or upload a licence with more.", cancellationToken);
        }
    }

    /// <summary>Refuses (409) when adding <paramref name="added"/> members to any of <paramref name="listIds"/> passes the per-list limit.</summary>
    public async Task EnsureListsAsync(IEnumerable<Guid> listIds, long added, CancellationToken cancellationToken)
    {
        foreach (var listId in listIds)
        {
            if (added > 0 && await ListRoomAsync(listId, cancellationToken) < added)
            {
                await RefuseAsync(LargeListsCode, ListFullMessage(listId), cancellationToken);
            }
        }
    }

    public string ListFullMessage(Guid listId) =>
        $"List {listId} holds {options.Value.FacesPerListWithoutLargeLists} faces, the most a list may hold without the licence's largeLists: use another list or upload a licence with largeLists.";

    public async Task<long> RecountAsync(CancellationToken cancellationToken)
    {
        var counted = await db.Faces.LongCountAsync(f => db.FacePhotos.Any(p => p.FaceId == f.Id), cancellationToken);
        count.Set(counted);
        return counted;
    }

    public async Task RefuseAsync(string code, string message, CancellationToken cancellationToken)
    {
        await publisher.Publish(new LicenseLimitReached(code, message), cancellationToken);
        throw new ConflictException(code, message);
    }
}
