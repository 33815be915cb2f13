namespace LunaPoint.Modules.Streams.Features;

internal static class PageLimits
{
    /// <summary>Far beyond any real list, and small enough that (page - 1) x page size cannot overflow an int.</summary>
    public const int MaxPage = 1_000_000;
}
