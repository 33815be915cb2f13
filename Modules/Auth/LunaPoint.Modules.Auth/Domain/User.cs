using Microsoft.AspNetCore.Identity;

namespace LunaPoint.Modules.Auth.Domain;

/// <summary>A person who signs in to the console or the API.</summary>
internal sealed class User : IdentityUser<Guid>
{
    public string? DisplayName { get; set; }
    public bool IsDisabled { get; set; }
    public bool MustChangePassword { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class Role : IdentityRole<Guid>;
