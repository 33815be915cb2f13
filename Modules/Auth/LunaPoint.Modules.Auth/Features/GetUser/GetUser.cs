using LunaPoint.Modules.Auth.Data;
using LunaPoint.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Auth.Features;

internal sealed record GetUser(Guid Id) : IQuery<UserDto>;

internal sealed class GetUserHandler(AuthDbContext db, TimeProvider clock) : IQueryHandler<GetUser, UserDto>
{
    public async ValueTask<UserDto> Handle(GetUser query, CancellationToken cancellationToken)
    {
        var row = await UsersWithRoles.Query(db).FirstOrDefaultAsync(r => r.User.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("User", query.Id);
        return UserDto.From(row.User, row.Role ?? "", clock.GetUtcNow());
    }
}
