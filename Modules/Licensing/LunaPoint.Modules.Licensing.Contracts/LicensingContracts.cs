using Mediator;

namespace LunaPoint.Modules.Licensing.Contracts;

/// <summary>What the licence in force allows. Every module asks for it the same way, through <see cref="GetLicenseLimits"/>.</summary>
public sealed record LicenseLimits(
    string Licensee,
    bool IsCommunity,
    DateTimeOffset? ExpiresAt,
    bool IsExpired,
    int MaxStreams,
    long MaxFacesWithDescriptors,
    bool Liveness,
    bool Bodies,
    bool IsoChecks,
    bool LargeLists);

public sealed record GetLicenseLimits : IQuery<LicenseLimits>;

/// <summary>Facts for Notifications (step 6) and for the modules that enforce the licence.</summary>
public sealed record LicenseChanged(string Licensee, DateTimeOffset? ExpiresAt) : INotification;

public sealed record LicenseExpiring(string Licensee, DateTimeOffset ExpiresAt, int DaysLeft) : INotification;

public sealed record LicenseExpired(string Licensee, DateTimeOffset ExpiredAt) : INotification;

/// <summary>A request was refused because a licence limit or feature does not allow it.</summary>
public sealed record LicenseLimitReached(string Limit, string Detail) : INotification;
