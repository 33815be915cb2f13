namespace LunaPoint.SharedKernel.Security;

/// <summary>Who is making the current request, for audit and ownership; empty outside a request.</summary>
public interface ICurrentActor
{
    Guid? UserId { get; }

    string? Name { get; }

    string? IpAddress { get; }

    string? UserAgent { get; }
}
