using System.Diagnostics;
using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Matching;
using LunaPoint.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Events.Features;

/// <summary>
/// 1:N search: the query's descriptor (from a photo, given, or an event's or face's own), then the watchlist
/// or event index, exact, best first. The searched item itself is left out of its own answer (an event is
/// not "seen elsewhere" at itself; a face does not find itself).
/// </summary>
internal sealed class SearchFacesHandler(EventsDbContext db, ISender sender, WatchlistIndex watchlist, EventIndex events, FaceCandidates faces, EventCandidates eventCandidates)
    : IQueryHandler<SearchFaces, SearchResult>
{
    public async ValueTask<SearchResult> Handle(SearchFaces query, CancellationToken cancellationToken)
    {
        // Refused before any photo is decoded: an index still loading would answer too few candidates.
        var readiness = query.Target == SearchTarget.Faces ? watchlist.Readiness : events.Readiness;
        if (!readiness.IsReady)
        {
            throw new ServiceUnavailableException($"The {(query.Target == SearchTarget.Faces ? "watchlist" : "event")} index is still loading from the database.");
        }

        var filter = (query.Filter ?? EventFilter.None).Checked();
        var clock = Stopwatch.StartNew();
        var descriptor = await DescriptorOfAsync(query.Source, cancellationToken);
        var describeMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var minCosine = (float)Similarity.ToCosine(query.Threshold);
        if (query.Target == SearchTarget.Faces)
        {
            var skipFace = (query.Source as SearchSource.Face)?.FaceId;
            var found = await faces.FindAsync(descriptor, query.Limit, minCosine, skipFace, cancellationToken);
            return new SearchResult(found, [], describeMs, clock.Elapsed.TotalMilliseconds);
        }

        var skipEvent = (query.Source as SearchSource.Event)?.EventId;
        var hits = await eventCandidates.FindAsync(descriptor, query.Limit, minCosine, filter, skipEvent, cancellationToken);
        return new SearchResult([], hits, describeMs, clock.Elapsed.TotalMilliseconds);
    }

    private async Task<float[]> DescriptorOfAsync(SearchSource source, CancellationToken cancellationToken)
    {
        switch (source)
        {
            case SearchSource.Photo photo:
                return (await PhotoDescriptors.LargestAsync(sender, photo.Bytes, "photo", photo.FaceIndex, cancellationToken)).Descriptor;
            case SearchSource.Descriptor given:
                return given.Values;
            case SearchSource.Event byEvent:
                var stored = await db.Events.AsNoTracking().Where(e => e.Id == byEvent.EventId).Select(e => e.Descriptor).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new NotFoundException("event", byEvent.EventId);
                return DescriptorCodec.ToFloats(stored);
            case SearchSource.Face byFace:
                // A face enrolled with several photos is searched by its best one.
                var photoOfFace = await db.FacePhotos.AsNoTracking().Where(p => p.FaceId == byFace.FaceId)
                    .OrderByDescending(p => p.Quality).ThenByDescending(p => p.CreatedAt).Select(p => p.Descriptor).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new NotFoundException("face", byFace.FaceId);
                return DescriptorCodec.ToFloats(photoOfFace);
            default:
                throw new ArgumentOutOfRangeException(nameof(source));
        }
    }
}
