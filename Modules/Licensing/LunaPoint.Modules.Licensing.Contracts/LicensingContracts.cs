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
    bool LargeLists)
{
    /// <summary>Liveness may be used now: in the licence, and the licence has not expired. Every gate asks this, never the flag alone.</summary>
    public bool LivenessUsable => Liveness && !IsExpired;

    /// <summary>Bodies may be used now (in the licence, not expired).</summary>
    public bool BodiesUsable => Bodies && !IsExpired;

    /// <summary>ISO/IEC 19794-5 checks may be used now (in the licence, not expired).</summary>
    public bool IsoChecksUsable => IsoChecks && !IsExpired;
}

public sealed record GetLicenseLimits : IQuery<LicenseLimits>;

/// <summary>Facts for Notifications (step 6) and for the modules that enforce the licence.</summary>
public sealed record LicenseChanged(string Licensee, DateTimeOffset? ExpiresAt) : INotification;

public sealed record LicenseExpiring(string Licensee, DateTimeOffset ExpiresAt, int DaysLeft) : INotification;

public sealed record LicenseExpired(string Licensee, DateTimeOffset ExpiredAt) : INotification;

/// <summary>A request was refused because a licence limit or feature does not allow it.</summary>
public sealed record LicenseLimitReached(string Limit, string Detail) : INotification;
