using FluentValidation;
using LunaPoint.SharedKernel.Mediation;
using Mediator;

namespace LunaPoint.Tests.SharedKernel;

public sealed class ValidationBehaviorTests
{
    public sealed record Rename(string Name) : ICommand<string>;

    private sealed class RenameValidator : AbstractValidator<Rename>
    {
        public RenameValidator() => RuleFor(r => r.Name).NotEmpty().MaximumLength(10);
    }

    [Fact]
    public async Task InvalidMessage_IsRefusedBeforeItsHandler()
    {
        var behavior = new ValidationBehavior<Rename, string>([new RenameValidator()]);
        var handlerCalled = false;

        var error = await Assert.ThrowsAsync<ValidationException>(async () => await behavior.Handle(
            new Rename(""),
            (_, _) => { handlerCalled = true; return ValueTask.FromResult("done"); },
            CancellationToken.None));

        Assert.False(handlerCalled);
        Assert.Equal("Name", Assert.Single(error.Errors).PropertyName);
    }

    [Fact]
    public async Task ValidMessage_ReachesItsHandler()
    {
        var behavior = new ValidationBehavior<Rename, string>([new RenameValidator()]);

        var result = await behavior.Handle(new Rename("gate-1"), (m, _) => ValueTask.FromResult($"renamed {m.Name}"), CancellationToken.None);

        Assert.Equal("renamed gate-1", result);
    }
}
