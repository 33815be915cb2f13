using LunaPoint.Modules.Events.Data;
using LunaPoint.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Events.Features;

/// <param name="WithDescriptor">Adds the descriptor as base64 (512 little-endian float32).</param>
internal sealed record GetEvent(Guid Id, bool WithDescriptor = false) : IQuery<EventDetails>;

internal sealed class GetEventHandler(EventsDbContext db) : IQueryHandler<GetEvent, EventDetails>
{
    public async ValueTask<EventDetails> Handle(GetEvent query, CancellationToken cancellationToken)
    {
        var e = await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("event", query.Id);
        var candidates = await db.EventMatches.AsNoTracking().Where(m => m.EventId == e.Id).OrderBy(m => m.Rank)
            .Select(m => new EventCandidateDto(m.Rank, m.FaceId, m.ListId, m.Name, m.Similarity)).ToListAsync(cancellationToken);
        var item = EventMapping.ToListItem(e);
        return new EventDetails(
            e.Id,
            e.StreamId,
            e.StreamName,
            e.Location,
            e.TrackId,
            e.StartedAt,
            e.CapturedAt,
            e.EndedAt,
            e.UpdatedAt,
            e.BestShots,
            item.Quality,
            item.Bbox,
            e.FrameWidth,
            e.FrameHeight,
            e.Age,
            e.Gender,
            e.Liveness,
            EventMapping.ParseJson(e.EstimatesJson),
            item.TopMatch,
            candidates.Select(c => c with { Similarity = Matching.Similarity.Round(c.Similarity) }).ToList(),
            EventMapping.Tags(e.TagsJson),
            EventMapping.ParseJson(e.UserDataJson),
            e.DescriptorModel,
            query.WithDescriptor ? Convert.ToBase64String(e.Descriptor) : null,
            item.FaceUrl,
            item.ContextUrl,
            item.BodyUrl);
    }
}
