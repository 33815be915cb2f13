using LunaPoint.Modules.Events.Domain;
using LunaPoint.SharedKernel.Data;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Events.Data;

internal abstract class EventsDbContext(DbContextOptions options) : ModuleDbContext(options, SchemaName)
{
    public const string SchemaName = "events";

    public DbSet<DetectionEvent> Events => Set<DetectionEvent>();
    public DbSet<EventMatch> EventMatches => Set<EventMatch>();
    public DbSet<FaceList> Lists => Set<FaceList>();
    public DbSet<Face> Faces => Set<Face>();
    public DbSet<ListMember> ListMembers => Set<ListMember>();
    public DbSet<FacePhoto> FacePhotos => Set<FacePhoto>();
}
