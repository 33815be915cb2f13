using Mediator;

namespace LunaPoint.Modules.Events.Contracts;

/// <summary>How many watchlist faces carry a descriptor (what the licence limits).</summary>
public sealed record CountFacesWithDescriptors : IQuery<long>;
