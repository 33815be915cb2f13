using FluentValidation;
using LunaPoint.SharedKernel.Pages;
using LunaPoint.SharedKernel.Validation;

namespace LunaPoint.Tests.SharedKernel;

/// <summary>Field names in messages read as the API spells them, and console forms don't repeat or hide them.</summary>
public sealed class ConsoleMessageTests
{
    private sealed record Query(int PageSize, string NewPassword);

    private sealed class QueryValidator : AbstractValidator<Query>
    {
        public QueryValidator()
        {
            RuleFor(q => q.PageSize).InclusiveBetween(1, 500);
            RuleFor(q => q.NewPassword).MinimumLength(10);
        }
    }

    [Fact]
    public void ValidationMessages_NameFieldsAsTheApiSpellsThem()
    {
        ValidationConventions.Apply();
        var messages = new QueryValidator().Validate(new Query(100_000, "short")).Errors.Select(e => e.ErrorMessage).ToList();

        Assert.Contains(messages, m => m.StartsWith("'pageSize' must be between 1 and 500", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("The length of 'newPassword' must be at least 10 characters", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Source", "The source must be an existing file under a media root.", "The source must be an existing file under a media root.")]
    [InlineData("UserName", "User name may contain only letters.", "User name may contain only letters.")]
    [InlineData("Settings.Roi.Y", "'y' must not be empty.", "settings › roi › y: 'y' must not be empty.")]
    [InlineData("Settings.MaxAnalysisFps", "Must be between 1 and 60.", "settings › maxAnalysisFps: Must be between 1 and 60.")]
    [InlineData("", "The licence has expired.", "The licence has expired.")]
    public void ConsoleForms_NameTheFieldOnlyWhenTheMessageDoesNot(string property, string message, string shown) =>
        Assert.Equal(shown, ModelStateErrors.ForPeople(property, message));
}
