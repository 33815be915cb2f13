using FluentValidation;
using FluentValidation.Results;

namespace LunaPoint.SharedKernel.Paging;

/// <summary>The paging bounds, for <see cref="PageRequest"/> and for validators that want to refuse early.</summary>
public static class PagingRules
{
    /// <summary>The largest page whose offset still fits a 32-bit OFFSET for this page size.</summary>
    public static int MaxPage(int pageSize) => (int)Math.Min(int.MaxValue, int.MaxValue / (long)Math.Max(pageSize, 1) + 1);

    public static List<ValidationFailure> Check(int page, int pageSize)
    {
        var failures = new List<ValidationFailure>();
        var sizeOk = pageSize is >= 1 and <= PageRequest.MaxPageSize;
        if (!sizeOk)
        {
            failures.Add(new ValidationFailure("pageSize", $"pageSize must be between 1 and {PageRequest.MaxPageSize}."));
        }

        if (page < 1)
        {
            failures.Add(new ValidationFailure("page", "page must be 1 or more."));
        }
        else if (sizeOk && page > MaxPage(pageSize))
        {
            failures.Add(new ValidationFailure("page", $"page must be at most {MaxPage(pageSize)} for a page size of {pageSize}."));
        }

        return failures;
    }

    /// <summary>Adds the paging bounds to a query's validator: <c>this.ValidPaging(q => q.Page, q => q.PageSize)</c>.</summary>
    public static void ValidPaging<T>(this AbstractValidator<T> validator, Func<T, int> page, Func<T, int> pageSize) =>
        validator.RuleFor(x => x).Custom((value, context) =>
        {
            foreach (var failure in Check(page(value), pageSize(value)))
            {
                context.AddFailure(failure);
            }
        });
}
