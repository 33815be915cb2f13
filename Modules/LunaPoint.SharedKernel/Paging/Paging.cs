using FluentValidation;

namespace LunaPoint.SharedKernel.Paging;

/// <summary>
/// Page request shared by every list endpoint: 1-based page, page size 1..<see cref="MaxPageSize"/>.
/// Out-of-range values are refused (400 naming page/pageSize) rather than clamped, so an answer never
/// carries a page number other than the one it holds; the offset is computed in 64 bits and must fit
/// the 32 bits LINQ's Skip takes.
/// </summary>
public sealed record PageRequest
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public PageRequest(int page = 1, int pageSize = DefaultPageSize)
    {
        var failures = PagingRules.Check(page, pageSize);
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        Page = page;
        PageSize = pageSize;
    }

    public int Page { get; }

    public int PageSize { get; }

    public int Skip => checked((int)((Page - 1L) * PageSize));

    public int Take => PageSize;
}

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);
